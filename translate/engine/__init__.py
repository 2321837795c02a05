"""Translation models: Argos packages and their routes (``packages``), one CTranslate2 +
SentencePiece engine (``translator``), the one lifecycle that keeps one engine loaded at a time
(``lifecycle``), and backtrans' own copy test model (``testmodel``)."""

from translate.engine.lifecycle import Engines, PackageTranslator
from translate.engine.packages import ModelPackage, find_route, installed_packages
from translate.engine.translator import (
           DEFAULT_BATCH_TOKENS,
           DEFAULT_BEAM,
           Engine,
           EngineSettings,
)

__all__ = ["DEFAULT_BATCH_TOKENS", "DEFAULT_BEAM", "Engine", "EngineSettings", "Engines", "ModelPackage",
           "PackageTranslator", "find_route", "installed_packages"]
