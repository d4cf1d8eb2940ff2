"""Stage `places`: provinces, cities and counties named in the text, with their short forms.

1. `lexicon`: any name or short form of two or more characters from `places.txt`, longest
   first (吉林省 before 吉林). A short form must stand as a word of its own in the segmentation
   (长治 is not a place in 长治久安).
2. `subordinate`: a county, district or banner written straight after its city (湖州市安吉县), and
   the list of its peers that follows (`、德清县`).
3. `visited-town`: a town or township a visit goes to (赴莫干山镇调研).
4. `one-char`: the one-character short forms (京, 沪, 吉 …) only where a meeting or a visit puts
   them: 在京召开, 赴沪调研, 在京直属单位.
Mentions of one place are grouped under the longest form the text writes.
"""

from __future__ import annotations

import re

from service import resources
from service.lexicons import Lexicons
from service.pipeline.article import Article, Entity, Options, Token, evolve
from service.pipeline.entities import Found, non_overlapping, to_entities, token_edges

_FULL_ENDINGS = ("省", "市", "自治区", "自治州", "地区", "盟", "县", "区", "兵团", "州", "特别行政区")
# _ONE_CHAR and _VISITED_TOWN match the character before the place (在, 赴, ...) rather than look
# behind for it, so `re` scans for that character instead of trying every position (29 -> 12 µs a
# seed). Equivalent to the look-behind: a match ends on a place, which is never such a character,
# so the next match's own lead character cannot be the last one of the match before it.
_ONE_CHAR = re.compile(
    r"[在赴抵来离返进驻](?P<place>[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕陇青宁新港澳台])"
    r"(?=召开|举行|举办|开幕|闭幕|出席|调研|考察|视察|会见|会谈|期间|直属|工作|举办|主持|参加|[，。、])"
)


_PARENT_ENDINGS = ("市", "州", "地区", "盟")
_NOT_SUBORDINATE_START = "各全本该每所其城郊辖市县区乡镇村中新老"
_SUBORDINATE = re.compile(r"[^\W\d_委府党局厅办会的和与在要各全]{1,4}?(?:自治县|自治旗|县|区|旗)(?![长级域别划内间])")
_VISITED_TOWN = re.compile(
    r"[赴到在](?P<place>[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))(?=调研|考察|视察|检查|督导|走访|看望|慰问|召开|举行|，|。)"
)


def extract_places(article: Article, options: Options) -> Article:
    places = find_places(article.simplified, article.tokens, resources.get().lexicons, written=article.text)
    return evolve(article, metadata=evolve(article.metadata, places=places))


def find_places(
    text: str, tokens: tuple[Token, ...], lex: Lexicons, *, written: str | None = None
) -> tuple[Entity, ...]:
    """Places found in `text` (the Simplified copy), named as `written` has them."""
    starts, ends = token_edges(tokens)
    found = []
    # 1. names of two or more characters from the lexicon
    for match in lex.place_re.finditer(text):
        name = match.group()
        if not name.endswith(_FULL_ENDINGS) and tokens and (match.start() not in starts or match.end() not in ends):
            continue
        found.append(Found(match.start(), match.end(), lex.place_full_names[name], "lexicon"))
    # 2. counties and districts written after their city, with the list of their peers
    for item in list(found):
        if item.rule == "lexicon" and text[item.start : item.end].endswith(_PARENT_ENDINGS):
            end = item.end
            while True:
                match = _SUBORDINATE.match(text, end)
                if match is None or match.group()[0] in _NOT_SUBORDINATE_START:
                    break
                found.append(Found(match.start(), match.end(), match.group(), "subordinate"))
                if not text.startswith("、", match.end()):
                    break
                end = match.end() + 1
    # 3. a town a visit goes to
    for match in _VISITED_TOWN.finditer(text):
        if match["place"][0] not in _NOT_SUBORDINATE_START:
            found.append(Found(match.start("place"), match.end("place"), match["place"], "visited-town"))
    # 4. one-character short forms where a meeting or a visit puts them
    for match in _ONE_CHAR.finditer(text):
        full = lex.place_one_char.get(match["place"])
        if full:
            found.append(Found(match.start("place"), match.end("place"), full, "one-char"))
    return to_entities(text, non_overlapping(found), written=written)
