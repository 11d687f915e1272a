"""A logger for engine.io and socket.io that records a failure as one warning line naming the
error's type, never a traceback and never the frame.

Both libraries log a malformed frame from a client (empty, unknown type, broken or deeply
nested JSON) with `logger.exception`: a traceback at ERROR each time, so any client could fill
the log. A bug in our own event handlers still shows, as a warning with the error's type.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

LIBRARY_LOGGER = "socketio.guarded"


class NoTracebackLogger(logging.LoggerAdapter):
    def exception(self, msg: object, *args: Any, **kwargs: Any) -> None:
        error = sys.exc_info()[1]
        kind = type(error).__name__ if error is not None else "no exception"
        self.warning("%s (%s)", str(msg) % args if args else msg, kind)


def quiet_library_logger() -> NoTracebackLogger:
    logger = logging.getLogger(LIBRARY_LOGGER)
    logger.setLevel(logging.WARNING)  # the libraries log every packet at INFO
    return NoTracebackLogger(logger, {})
