"""The stages of a back-translation run, one module each, in the order the data flows:

``read`` (inputs, documents) → ``segment`` → ``recognise`` → ``protect`` → (the engine
translates) → ``restore`` → ``verify`` → ``write``; ``hop`` is one hop with the glossary
enforced (protect, translate, restore, verify, repair), ``journal`` what makes a run
resumable, and ``run`` the orchestrator that calls them top to bottom.
"""
