"""Where the time goes: a pyinstrument profile of one pipeline pass over UD-TDT test.

    PLAINFINNISH_VOIKKO=native .venv/bin/python bench/hotspots.py fast|accurate [--warm]

--warm profiles a second pass (Voikko analyses cached); by default the first (cold) pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import messages_for  # noqa: E402


def main() -> None:
    profile = sys.argv[1] if len(sys.argv) > 1 else "fast"
    from pyinstrument import Profiler

    from plainfinnish.engine import analyze_messages
    from plainfinnish.nlp import pipeline, voikko

    messages = messages_for("ud")
    pipeline.load(profile)
    voikko.backend()
    if "--warm" in sys.argv:
        for _ in analyze_messages(messages, profile):
            pass
    profiler = Profiler(interval=0.001)
    profiler.start()
    for _ in analyze_messages(messages, profile):
        pass
    profiler.stop()
    print(profiler.output_text(unicode=False, show_all=False))


if __name__ == "__main__":
    main()
