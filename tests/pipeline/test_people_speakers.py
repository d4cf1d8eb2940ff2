"""`people.speakers` finds what the look-behind regex it replaced finds (it matches the clause mark
itself, so that `re` can scan for the pattern's first character)."""

from __future__ import annotations

import random
import re

from service.pipeline import people


def test_speakers_are_those_of_the_look_behind_regex():
    with_look_behind = re.compile(r"(?:^|(?<=[。！？；\n，：]))" + people._SPEAKER.pattern)
    draw = random.Random(8)
    alphabet = "。！？；\n，：张三李四在会上指出强调说讲话主持希望要求的了 a1"
    texts = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 40))) for _ in range(5000)]
    texts += ["李强指出，王五在会上强调：张三说。", "张三李四说，\n王五在北京指出"]
    for text in texts:
        expected = [(m.start("name"), m.group("name"), m.end()) for m in with_look_behind.finditer(text)]
        assert [(m.start("name"), m.group("name"), m.end()) for m in people.speakers(text)] == expected, text
