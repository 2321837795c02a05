"""Connecting to Ray: join a cluster at an address, or start a local Ray on this machine."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import ray

from translate.errors import UsageError

# Set before Ray starts: no usage statistics sent, nothing asked on a terminal.
QUIET_RAY = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_USAGE_STATS_PROMPT_ENABLED": "0"}


CONNECT_TIMEOUT = 5.0  # seconds an address may take to accept a connection before it is called unreachable


def _answers(address: str) -> None:
    """A UsageError unless something accepts connections at ``address`` ("HOST:PORT" or
    "ray://HOST:PORT"; "auto" is Ray's own look-up): Ray itself retries for minutes."""
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if address == "auto" or not sep or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as e:
        raise UsageError(f"--address {address}: no Ray cluster answers there ({e.strerror or e})") from None


@contextmanager
def ray_cluster(address: str | None = None, num_cpus: int | None = None) -> Iterator[None]:
    """Ray for the duration of the block: the cluster at ``address`` (``ray start --head`` gives
    it; "auto" the one this machine is part of), else a local Ray of ``num_cpus`` CPUs (default
    all), no dashboard. A Ray this process already runs is used as it is, and left running."""
    if ray.is_initialized():
        yield
        return
    for name, value in QUIET_RAY.items():
        os.environ.setdefault(name, value)
    try:
        if address is None:
            # Ray's start-up notices are noise for a Ray started only for this run: errors only.
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
        else:
            _answers(address)
            ray.init(address=address, log_to_driver=False)
    except ConnectionError as e:
        raise UsageError(f"--address {address}: cannot join the Ray cluster ({e})") from None
    try:
        yield
    finally:
        ray.shutdown()
