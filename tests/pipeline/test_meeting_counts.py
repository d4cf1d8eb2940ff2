"""The head counts of the meeting stage are the spans of the one regex they stand for (the lead
word is added in Python so that `re` can scan for the number's first character)."""

from __future__ import annotations

import random
import re

from service.pipeline import meeting

_WHOLE = re.compile(r"(?:共|约|近|逾|超过|计|达|总计|合计)?" + meeting._HEAD_COUNT.pattern)


def test_head_counts_are_the_spans_of_the_whole_regex():
    draw = random.Random(8)
    alphabet = ["共", "约", "近", "逾", "超过", "超", "过", "计", "达", "总计", "合计", "总", "合",
                "1", "２", "十", "百", "万", ".", "．", "余", "多", "名", "人", "次", "口", "，", "会"]  # fmt: skip
    texts = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 16))) for _ in range(5000)]
    texts += ["会议共800余人参加，总计1200名代表、合计30人次，共2.6万余名。"]
    for text in texts:
        assert list(meeting._head_counts(text)) == [m.span() for m in _WHOLE.finditer(text)], text
