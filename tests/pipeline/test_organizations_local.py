"""The `local` organization rule finds what its look-behind regex finds (the look-behind is
checked in Python so that `re` can scan for the pattern's first character)."""

from __future__ import annotations

import random
import re

from service import resources
from service.pipeline import organizations


def test_local_matches_are_those_of_the_look_behind_regex():
    _, zone, local = organizations._patterns(resources.get().lexicons)
    # not after a digit (永州4市: a count), but after a national organization's name (民盟市委)
    owners = "|".join(f"(?<={owner})" for owner in organizations._BRANCH_OWNERS)
    with_look_behind = re.compile(
        r"(?:(?<![\u4e00-\u9fff0-9０-９])|(?<=[在和与及由对向的同经取了请到合织据任])|(?<=召开)|(?<=主持)|"
        + owners
        + ")"
        + f"(?:{local.pattern}|{zone.pattern})"
    )
    draw = random.Random(8)
    alphabet = "省市县区州委政府人民法院局办公室在和与及的了据自治，。 a1４中国家党盟共任召开主持新高经发"
    texts = ["".join(draw.choice(alphabet) for _ in range(draw.randint(0, 30))) for _ in range(3000)]
    texts += ["听取省发展改革委汇报，市人民政府、区委办公室和县教育局负责同志参加。"]
    texts += ["据自治区统计局测算，自治州人民政府、自治区党委统战部和自治县委参加。"]
    texts += ["会上，民盟市委、九三学社省委和3县政府作了发言。"]
    texts += ["主持召开市委常委会会议，现任县财政局副局长，新区改革发展局、高新区管委会、经开区财政局。"]
    texts += ["召开区委全会，坚持市场导向，创新区域发展，开发区管委会和提高新区建设局。"]
    for text in texts:
        expected = [(m.span(), m.group()) for m in with_look_behind.finditer(text)]
        assert [(m.span(), m.group()) for m in organizations._local(local, text, zone)] == expected, text
