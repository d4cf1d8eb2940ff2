"""`people.speakers` finds what the look-behind regex it replaced finds (it tries the pattern only
after the clause marks that a speech verb, found by the lexicons' one pass, follows closely)."""

from __future__ import annotations

import random
import re

from service import resources
from service.pipeline import people


def test_speakers_are_those_of_the_look_behind_regex():
    with_look_behind = re.compile(r"(?:^|(?<=[。！？；\n，：]))" + people._SPEAKER.pattern)
    lex = resources.get().lexicons
    draw = random.Random(8)
    alphabet = "。！？；\n，：张三李四在会上指出强调说讲话主持希望要求的了 a1"
    texts = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 40))) for _ in range(5000)]
    # long clauses after 在, so that the verbs stand up to 18 characters after their mark
    texts += [
        "".join(draw.choice(["在", "会上", "北京市", "，", "。", "张三", "说", "指出"]) for _ in range(20))
        for _ in range(2000)
    ]
    texts += [
        "李强指出，王五在会上强调：张三说。",
        "张三李四说，\n王五在北京指出",
        "，王五在北京市人民大会堂会议上指出",
    ]
    found = 0
    for text in texts:
        expected = [(m.start("name"), m.group("name"), m.end()) for m in with_look_behind.finditer(text)]
        verbs = lex.name_index.find(text).speech_verbs
        assert [(m.start("name"), m.group("name"), m.end()) for m in people.speakers(text, verbs)] == expected, text
        found += len(expected)
    assert found > 2000  # the texts do hold speakers
