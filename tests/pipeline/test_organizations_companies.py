"""The `company` organization rule finds what `_COMPANY.finditer` finds: `re` is set going only
near a 有限, and the search from there must give the same names in the same places."""

from __future__ import annotations

import random

from service.pipeline import organizations


def test_company_names_are_those_of_finditer():
    draw = random.Random(8)
    pieces = ["有限公司", "有限责任公司", "股份有限公司", "有限", "股份", "公司", "有限的", "华信电子科技", "集团"]
    pieces += list("，、。；：“（\n 甲乙丙丁12a")
    texts = ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 16))) for _ in range(4000)]
    texts += ["他说，华信电子科技有限公司与某某集团股份有限公司签约。\n长春一汽有限责任公司"]
    texts += [f"，{'甲' * body}{suffix}" for body in (15, 16, 17) for suffix in ("股份有限公司", "有限公司")]
    found = 0
    for text in texts:
        expected = [(m.span(), m.group()) for m in organizations._COMPANY.finditer(text)]
        assert [(m.span(), m.group()) for m in organizations._company_names(text)] == expected, text
        found += len(expected)
    assert found > 500  # the pieces do make companies
