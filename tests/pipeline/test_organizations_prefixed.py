"""The `prefixed` organization rule finds what its one regex found (a trie of every prefix, then
body and suffix): the prefixes are now found by an automaton (`Lexicons.name_index`), and `re`
tries only the rest."""

from __future__ import annotations

import random
import re

from service import resources
from service.lexicons import CENTRAL_PREFIXES, trie_pattern, words
from service.pipeline import organizations


def test_prefixed_matches_are_those_of_the_one_regex():
    lex = resources.get().lexicons
    after_prefix, *_ = organizations._patterns(lex)
    prefix_words = [*lex.place_full_names, *CENTRAL_PREFIXES]
    one_regex = re.compile(trie_pattern(prefix_words) + after_prefix.pattern)
    draw = random.Random(8)
    # places that nest (北京 北京市), central prefixes, body characters, suffixes, words that end a body
    pieces = [*draw.sample(list(lex.place_full_names), 300), *words("北京 北京市 吉林 吉林省 长春 长春市")]
    pieces += [
        *CENTRAL_PREFIXES,
        *words("人民政府 发展改革 委员会 公安 局 部署 委 办公室 召开 的 和 文化和旅游 厅"),
    ]
    pieces += list("省市县区第一组，。 a1")
    texts = ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 10))) for _ in range(4000)]
    texts += ["吉林省人民政府办公厅和长春市公安局召开会议，中央第二十指导组、北京市通信管理局参加。"]
    found = 0
    for text in texts:
        expected = [match.span() for match in one_regex.finditer(text)]
        prefixes = lex.name_index.find(text).prefixes
        assert list(organizations._after_prefix(prefixes, after_prefix, text)) == expected, text
        found += len(expected)
    assert found > 200  # the pieces do make organizations
