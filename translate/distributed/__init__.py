"""A run on a Ray cluster (``--engine ray``), with the same outputs as in one process.

``cluster`` connects to Ray (or starts a local one), ``pool`` is the pool of translator actors
(one CTranslate2 engine each, the local engine's batches), ``backend`` the
``translate.pipeline.backend.Backend`` that runs the per-document stages in Ray tasks and
translates through the pool. Ray is an optional extra: importing this package without it is
one UsageError saying what to install.
"""

from translate.errors import UsageError

try:
    import ray  # noqa: F401
except ImportError:
    raise UsageError("--engine ray needs Ray, which is not installed: pip install 'backtrans[ray]'") from None

from translate.distributed.backend import RayBackend  # noqa: E402
from translate.distributed.cluster import ray_cluster  # noqa: E402

__all__ = ["RayBackend", "ray_cluster"]
