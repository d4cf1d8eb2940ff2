"""Stage `organizations`: government, Party and public bodies, named as the text writes them.

Strategies, one function each, then overlaps resolved to the longest:
1. `known`: the lexicon of central organs, the state banks and the central enterprises and their
   short forms (`organizations.txt`); a two-character short form must stand as a word of its own
   (国办 is not in 全国办…, 工行 not in 施工行业).
2. `prefixed`: a place or a central prefix (吉林省, 北京市, 中央, 国家, 全国, 中国 …), a short
   body, an organization suffix (`org_suffixes.txt`): `北京市通信管理局`, `中央第二十指导组`. The
   body never crosses punctuation, quotes, 的/在/和, or a verb such as 召开, except inside a
   standard stem (`org_stems.txt`: 省文化和旅游厅, but 省委 和 省政府); the suffix must not
   be the start of another word (部署, 委员, 局面), and 全局/干部/举办-like endings are not names.
   Two fields may be joined by one 和 no stem holds (`市住房保障和房地产管理局`), never a meeting
   and a body (中央经济工作会议和国资委) nor a field and a known body (…和国资委); a street's house
   number (解放路12号市委组织部) is an address, and a one-character county that is a word of the
   clause (党委和县政府, 现任县财政局) no place.
3. `local`: 省/市/县/区 (or 自治区/自治州, or a development zone by its kind: 新区, 高新区) standing
   alone before a suffix (`省政协`, `省法院`, `市市场监督管理局`, `自治区民族事务委员会`,
   `新区改革发展局`), after a clause edge, a word that takes a body, 现任/拟任 or the verb that
   calls a meeting (主持召开市政府常务会议).
4. `numbered-group`: `第七指导组`, `第三巡视组`.
5. `segmenter-nt`: a word the segmenter tags as an organization (清华大学), if it ends like one.
6. `child`: a found body with its own office or unit written straight after it
   (`国务院安委会办公室`, `四川大学华西医院`), and a Party committee's departments, offices and
   standing committee (`省委宣传部`, `区委督查室`, `市委常委会`); `sibling`: the bureaus listed
   after one with its suffix (`新区改革发展局、规划建设局、公共服务局`).
7. `company`: a registered company name after a clause edge, a conjunction or a verb, and past a
   demonstrative or a time word (`与华信电子科技有限公司签约`, `这次华信…有限公司`: not 这次);
   `trade-name`: a company by the segmenter's proper name and its trade (`长江物流公司`).
8. `customs`: a customs district, a place's name and 海关 (`黄埔海关`, `拱北海关`): 海关 is no
   suffix of the other rules, which would make `全国海关` (customs everywhere) a body.
9. `school`: a university or one of its schools named on its own after a clause edge or a verb
   (举行江城理工大学…典礼), by a proper name (`南岭大学`) or a discipline, two joined by 与
   (`化学化工学院`, `物理与电子信息学院`),
   or a university by a compass region and a discipline anywhere (`南方海洋大学`); not `各学院`,
   `世界一流大学`, nor 大学学历 (a level of schooling).
10. `department`: a ministry's department (司) named on its own after a clause edge, with its
   head's title after it (`基础教育司司长`); under its ministry's name it is a `child`.
11. `waters`: a body named after a lake or a river basin (`鄱阳湖水利枢纽管理局`, `太湖流域管理局`):
   the segmenter's place word, which the gazetteer of places does not hold.
12. `sar`: a body of the Macao or Hong Kong SAR named bare (`立法会`, `治安警察局`, `中联办`), from
   `sar_bodies.txt`, in a text that names 香港 or 澳门.
13. `international`: an international body by its field (`国际物流协会`, `世界卫生组织`); only an
   association's or a union's kind, never 中心 or 大学 (国际消费中心城市, 世界一流大学 are goals).
A place-prefixed body written straight after the national organization it is a branch of takes
that name in (`民盟广东省委`, `武警四川省总队`, `中共西宁市委`), and a body's office in another
place is its child (`审计署驻昆明特派员办事处`, `中央人民政府驻香港特别行政区联络办公室`), and so is a
known bank's or enterprise's branch in a place (`农发行佳木斯市分行`, `中储粮佳木斯直属库`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from operator import itemgetter

from service import resources
from service.lexicons import CENTRAL_PREFIXES, Lexicons, char_positions, trie_pattern, word_positions, words
from service.pipeline.article import Article, Entity, Options, Token, evolve
from service.pipeline.entities import (
    Found,
    ends_word,
    lexicon_names,
    starts_word,
    to_entities,
    word_at,
    word_starting_at,
)

_CJK = "\u4e00-\u9fff"
# national organizations whose branches are a place-prefixed body written after their name: the
# Party (中共西宁市委), the Youth League, the armed police (武警四川省总队) and the eight
# democratic parties (民盟广东省委, 九三学社北京市委)
_BRANCH_OWNERS = ("中共", "共青团", "武警", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟")
# by last character: one set test, then one endswith (社区 is no 九三学社's 区)
_OWNERS_BY_LAST = {last: tuple(o for o in _BRANCH_OWNERS if o[-1] == last) for last in {o[-1] for o in _BRANCH_OWNERS}}
_OWNER_LAST = frozenset(_OWNERS_BY_LAST)
_BODY_VERBS = (
    "召开|举行|出席|参加|主持|开展|部署|要求|指出|强调|认真|深入|学习|贯彻|落实|推进|作出|提出"
    "|来到|走进|走访|调研|察看|视察|看望|慰问|会见"  # 成都调研华信…公司 is a visit, not a name
)
# nor 至 (兰州至天水公路段 is a stretch of road) nor 各 (江苏各地政府 are the governments of a province)
_BODY = rf"(?:(?!{trie_pattern(_BODY_VERBS.split('|'))}|[的在和与及等是为对把将了至各])[{_CJK}0-9０-９])"
# A suffix that is really the start of another word: 部署, 委员, 局面, 组织, 会议, 银行间 …
_NOT_AFTER_SUFFIX = (
    "|".join(
        f"(?<={last})[{nexts}]"
        for last, nexts in {
            "部": "门署分队",
            "委": "员托屈",
            "局": "面势部限",
            "院": "士子校落",
            "署": "名理",
            "办": "法理事好学公楼",
            "厅": "堂级",
            "组": "织建合",
            "会": "议员见谈商同计",
            "室": "内外",
            "行": "间业",  # 银行间 (interbank) and 银行业 (banking): 中国银行间市场交易商协会, 省银行业协会
        }.items()
    )
    + "|(?<=委)会(?![议见谈员同计])"
)  # 安委会, 管委会: 委会 is the suffix; 省委会议 keeps 省委
# 商会 (a chamber of commerce) ending 协商会 or 磋商会 is a consultation meeting: 专题协商会
_MEETING_TAILS = ("协商会", "磋商会")
_NOT_ORG_ENDINGS = frozenset(
    words(
        "全局 大局 格局 布局 开局 结局 局部 全部 内部 外部 干部 中部 西部 东部 北部 南部 "
        "举办 创办 承办 主办 协办 督办 查办 交办 开办 兴办 申办 代办 包办 领办 通办 好办 "
        "学院派 全院 法院里 委员 主委 总部 签署 部署"  # 兰州签署: a verb's 署
    )
)
_NUMBERED = re.compile(
    r"第[0-9０-９一二三四五六七八九十百零〇]+(?:巡回指导组|指导组|巡视组|督导组|督查组|检查组|工作组|调研组|考察组)"
)
_OFFICE_CHILD = re.compile(r"办公室|办公厅|秘书处|秘书局|督查室")  # 市政府督查室
# a body's office stationed in another place: 审计署驻昆明特派员办事处, 省政府驻北京办事处,
# 中央纪委国家监委驻国资委纪检监察组; the central government's liaison office in a SAR (中央人民政府驻
# 香港特别行政区联络办公室, 中联办)
_STATIONED_CHILD = re.compile(
    rf"驻{_BODY}{{1,12}}?(?:特派员办事处|特派员办公室|特派员公署|办事处|代表处|联络办公室|联络处|纪检监察组)"
)
_UNIT_PARENTS = ("大学", "学院", "科学院", "研究院", "集团")
# a unit's name holds no 和 or verb: 马克思主义学院和外国语学院 is two schools
_UNIT_CHILD = re.compile(rf"(?:办公室|研究生院|{_BODY}{{2,6}}?(?:附属医院|医院|学院|研究院|研究所|实验室|分公司))")
# a Party committee's own departments, written straight after it: 省委宣传部, 市委组织部, 县委政法委
_PARTY_PARENTS = ("省委", "市委", "县委", "区委", "州委", "盟委", "旗委", "党委", "党工委")
_PARTY_CHILD = re.compile(
    "(?:宣传部|组织部|统战部|统一战线工作部|政法委员会|政法委|办公厅|办公室|政策研究室|政研室|"
    "编办|机构编制委员会办公室|网信办|农办|财经办|金融办|金融委员会办公室|社会工作部|外办|台办|直属机关工委|"
    "巡视办|巡察办|老干部局|党校|理论学习中心组|中心组|"  # 中心组: the committee's theory study group
    # its standing committee as the body that meets and decides (省委常委会会议, 全会由市委常委会主持),
    # not 常委会议 (a meeting: the committee is 省委 alone there), nor a member's 常委会见 (meets)
    "常委会(?![议见谈同])|常务委员会|"
    # the offices its general office holds, named as rooms: 督查室, 政策研究室; not 会议室 or 接待室,
    # which are rooms of its building
    "督查室|督察室|研究室|机要室|保密室|信访室|法规室)"
)
# a known body's own department or local branch, written straight after it: 国资委安全生产监督局,
# 生态环境部大气环境司, 国家金融监督管理总局湖北监管局, 人民银行湖北省分行
# (a department's two fields may be joined by 和 or 与: 商务部市场运行和消费促进司); a central
# enterprise's branch or depot in a place: 中石化湖南分公司, 中储粮佳木斯直属库
_DEPARTMENT_CHILD = re.compile(
    rf"{_BODY}{{2,8}}?(?:[和与]{_BODY}{{2,8}}?)?(?:中心支行|分行|支行|直属库|司|局)(?![面势部限])"
)
# a company named as registered, after a clause edge, a conjunction or a verb that takes it as its
# object (与天山绿能科技集团有限公司签约): 华信电子科技有限公司, 某某集团股份有限公司
_COMPANY_WORDS = (
    *_BODY_VERBS.split("|"),
    "我们",
    # a demonstrative or a time word opens the clause, never a company's name (这次华信公司年会);
    # every word two characters long: `_COMPANY`'s look-behind is of one width
    *words("这次 此次 本次 这个 那次 今年 去年 明年 前年 当年 今天 昨天 近日 日前 目前 当前 同时 其中 此外"),
)
_COMPANY = re.compile(
    rf"(?:(?<=[，、。；：“（\n与和同及])|(?<={'|'.join(_COMPANY_WORDS)})|^)[{_CJK}0-9]{{2,16}}?"
    "(?:股份有限公司|有限责任公司|有限公司)",
    re.MULTILINE,
)
# what a match from an earlier edge may hold before the name: a verb, a pronoun, a time word, a
# function word (他来到成都调研华信电子科技有限公司: the name opens after 调研)
_COMPANY_BREAK = re.compile(rf"{trie_pattern(_COMPANY_WORDS)}|[的在和与及同等是为对把将了他她这那该其各本]")


@cache
def _patterns(lex: Lexicons) -> tuple[re.Pattern[str], re.Pattern[str]]:
    suffix = rf"(?:{lex.org_suffix_re})(?!{_NOT_AFTER_SUFFIX})"
    # a body is made of characters and the standard stems with 和 inside (文化和旅游, org_stems.txt)
    body = rf"(?:{lex.org_stem_re}|{_BODY})"
    # the prefixes (5,800 places and the central ones) are found by an automaton
    # (`Lexicons.name_index`), and only where one starts does `re` try the rest: `_after_prefix`
    # says why that is the regex's own answer
    # ... or two fields joined by one 和 that no standard stem holds (市住房保障和房地产管理局), tried
    # only where the plain body finds no suffix; what follows 和 opens no other body (省委和省政府
    # is two, and so is 县和乡镇党委)
    # (a plain class's look-ahead for the 和 first: `_BODY` tests verbs at each character, and at
    # every prefix that cost 7 µs a seed)
    joined = rf"(?=[{_CJK}]{{2,8}}和){_BODY}{{2,8}}和(?![省市县区州乡镇村各全]){_BODY}{{2,8}}?{suffix}"
    after_prefix = re.compile(rf"(?:{body}{{0,10}}?{suffix}|{joined})")
    # after a clause edge, a conjunction or a verb that takes a body as its object (听取, 邀请, 来到):
    # that look-behind is checked by `_local`, so the pattern opens with a character class that
    # `re` can scan for (48 -> 12 µs a seed)
    local = re.compile(rf"[省市县区州](?:{body}{{0,8}}?{suffix}|{joined})")
    # ... or 自治区/自治州 alone, or a development zone by its kind (新区改革发展局, 高新区管委会): a
    # pattern of its own, tried only where 自治 or a zone stands (one pattern opening with an
    # alternation cost `re` 2 µs a seed at every 省 and 市)
    zone = re.compile(rf"(?:自治[区州县旗]|{trie_pattern(_ZONES)}){body}{{0,8}}?{suffix}")
    return after_prefix, zone, local


def _after_prefix(prefixes: list[tuple[int, int]], after: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """The spans `re.finditer(trie_pattern(words) + after.pattern, text)` finds, given where in
    `text` the prefix `words` stand (`Names.prefixes`), in a tenth of its time (345 -> 30 µs a
    seed): that regex tests its 5,800-word trie at every position.

    The same answer: a match starts only where a prefix does; there `re` tries the prefixes
    longest first (the trie's greedy groups), each with all of `after` before the next shorter
    one; and the search goes on from the match's end (past the shorter prefixes at that start)."""
    last_end = 0
    for start, end in prefixes:
        if start >= last_end and (match := after.match(text, end)):
            if text[end] in _COUNT_DIGITS and _COUNT.match(text, end):
                continue  # the prefix's next shorter word is followed by the same count
            last_end = match.end()
            yield start, last_end


# a count straight after a place: 太原、大同2市民政局 are the bureaus of four cities, not one
# (checked on a match: a look-ahead opening `after_prefix` cost `re` 10 µs a seed)
_COUNT = re.compile(r"[0-9０-９]+[个家市县区州省]")


def _spans(matches: Iterator[re.Match[str]]) -> Iterator[tuple[int, int]]:
    return (match.span() for match in matches)


# 据省气象局预测: 据 (according to) takes a body as its object, as 经 and 由 do; and 任 (现任, 拟任,
# 曾任, 兼任) a post's body: 现任市财政局副局长
_LOCAL_AFTER = frozenset("在和与及由对向的同经取了请到合织据任")
_LOCAL_FIRST = "省市县区州"  # what `local` opens with, or 自治 (自治区, 自治州)
_COUNT_DIGITS = frozenset("0123456789０１２３４５６７８９")
# a meeting's caller: 主持召开省委常委会会议, 主持市政府常务会议 (not 开 or 持 alone: 公开, 坚持)
_CALLING_VERBS = ("召开", "主持")
# 民盟市委: a branch's 市 may follow its owner's name; 召开市委常委会会议: a meeting's body its caller's
_LOCAL_OR_OWNER = _LOCAL_AFTER | _OWNER_LAST | {verb[-1] for verb in _CALLING_VERBS}


def _local(pattern: re.Pattern[str], text: str, zone: re.Pattern[str] | None = None) -> Iterator[re.Match[str]]:
    """`finditer` of `(?:(?<![CJK])|(?<=[在和…]))` + `pattern`, tried only where one of
    `_LOCAL_FIRST` stands (`str.find`: `re` scanned for that class at 5 ns a character) and the
    look-behind holds (checked first: most 市 close a city's name, 成都市, and the pattern's
    lazy body cost 1 µs a try). In text order, each from past the last match, as finditer goes on.
    Where `zone` is given, it is tried in the same way at every 自治 (自治区民族事务委员会) and
    every development zone named by its kind (新区, 高新区: found at their 区)."""
    position = 0
    starts = char_positions(text, _LOCAL_FIRST)
    if zone is not None and "自治" in text:
        starts = sorted([*starts, *word_positions(text, "自治")])
    for start in starts:
        if start < position:
            continue
        here = pattern
        before = text[start - 1] if start else ""
        if zone is not None:
            if text[start] == "自":
                here = zone
            elif before in _ZONE_LAST and text[start] == "区" and (kind := _zone_kind(text, start)):
                start -= kind  # the zone's name opens before its 区: 新区, 高新区
                if start < position:
                    continue
                here, before = zone, text[start - 1] if start else ""
        if before and "\u4e00" <= before <= "\u9fff":
            if before not in _LOCAL_OR_OWNER or (
                before not in _LOCAL_AFTER
                and not _owner_length(text, start)
                and not text.endswith(_CALLING_VERBS, 0, start)
            ):
                continue  # one set test in the common case (成都市)
        elif before in _COUNT_DIGITS:  # 大同2市民政局: a count of cities, not one
            continue
        match = here.match(text, start)
        if match is not None:
            yield match
            position = match.end()


# a development zone named by its kind alone, as the texts of its own bodies write it: 新区党工委,
# 高新区管委会, 经开区财政局
_ZONES = ("新区", "高新区", "经开区", "开发区")


_ZONE_LAST = frozenset(zone[-2] for zone in _ZONES)  # 新, 开, 发: one set test at most 区


def _zone_kind(text: str, at: int) -> int:
    """How many characters of a zone's kind (`_ZONES`) stand before the 区 at `at`, or 0."""
    if text[at - 2 : at] in ("高新", "经开", "开发"):
        return 2
    return 1 if text[at - 1] == "新" else 0


def extract_organizations(article: Article, options: Options) -> Article:
    lex = resources.get().lexicons
    organizations = find_organizations(
        article.simplified, article.tokens, lex, written=article.text, tags=article.token_tags
    )
    return evolve(article, metadata=evolve(article.metadata, organizations=organizations))


def find_organizations(
    text: str,
    tokens: tuple[Token, ...],
    lex: Lexicons,
    *,
    written: str | None = None,
    tags: tuple[str, ...] | None = None,
) -> tuple[Entity, ...]:
    """Organizations found in `text` (the Simplified copy), named as `written` has them. `tags`:
    the tokens' tags as a column (`Article.token_tags`)."""
    names = lexicon_names(text, lex)
    if tags is None or len(tags) != len(tokens):  # tokens built by hand: their column made here
        tags = tuple(token.tag for token in tokens)
    found = [
        *_known(text, lex, tokens, names.organizations),
        *_prefixed(text, lex, tokens, names.prefixes),
        *_numbered(text),
        *_segmenter_nt(tokens, tags, lex),
        *_companies(text, tokens),
        *_trade_name_companies(text, tokens, lex),
        *_customs(text, tokens, lex),
        *_schools(text, tokens, lex),
        *_departments(text, tokens, lex),
        *_waters(text, tokens, lex),
        *_internationals(text, tokens, lex),
        *_bare_committees(text, tokens),
        *_listed_departments(text, tokens, lex),
        *_civil_aviation(text),
        *_group_companies(text, tokens, lex),
    ]
    found.extend(_children(text, found, tokens, lex))
    return to_entities(text, found, written=written)


def _known(text: str, lex: Lexicons, tokens: tuple[Token, ...], known: list[tuple[int, int]]) -> list[Found]:
    # 1. central organs and their short forms, from the lexicon (`known`: where they stand), and
    # 12. the SAR bodies, in a text about Hong Kong or Macao (行政会议 is a mainland meeting too)
    found = []
    is_sar_text: bool | None = None  # asked only when a SAR body's name stands: most texts hold none
    for start, end in known:
        name = text[start:end]
        # a name ending in 国 may open 国际 or 国家 (联合国际力量 names no 联合国)
        if (len(name) <= 2 or name[-1] == "国") and not (starts_word(tokens, start) and ends_word(tokens, end)):
            continue
        full_name = lex.org_full_names.get(name)
        if full_name is not None:
            found.append(Found(start, end, full_name, "known"))
            continue
        # not a known name: a SAR body's (`sar_bodies`, kept apart so that this costs no lookup)
        if is_sar_text is None:
            is_sar_text = "澳门" in text or "香港" in text
        if is_sar_text:
            found.append(Found(start, end, name, "sar"))
    return found


def _prefixed(text: str, lex: Lexicons, tokens: tuple[Token, ...], prefixes: list[tuple[int, int]]) -> list[Found]:
    # 2. and 3. a place or central prefix (or a lone 省/市), a short body, a suffix
    after_prefix, zone, local = _patterns(lex)
    found = []
    for spans, rule in (
        (_after_prefix(prefixes, after_prefix, text), "prefixed"),
        (_spans(_local(local, text, zone)), "local"),
    ):
        for start, end in spans:
            name = text[start:end]
            ending = name[-2:]
            if ending in _NOT_ORG_ENDINGS or name in lex.place_full_names:
                continue
            if ending == "商会" and name.endswith(_MEETING_TAILS):
                continue
            if "号" in name and _HOUSE_NUMBER.search(name):
                continue  # an address before a body: 红星市解放路12号市委组织部
            if ending == "大学" and _is_education_level(text, end):
                continue
            if "和" in name and _joins_no_body(name, lex):
                continue  # 中央经济工作会议和国资委: a meeting and a body
            if rule == "prefixed" and text[start + 1] in _LEVELS and _cuts_short_place(tokens, start):
                continue  # the lone 县's own rule reads 县政府 there
            if not _stands_as_name(tokens, lex, start, end):
                continue
            if start and text[start - 1] in _OWNER_LAST and (owner := _owner_length(text, start)):
                start -= owner  # 民盟 + 广东省委: the party's branch
                name = text[start:end]
            found.append(Found(start, end, lex.org_full_names.get(name, name), rule))
    return found


# what the field before a name's 和 never ends with: a meeting or an event, whose 会 the suffix
# rules leave alone (会议), so that the 和 was read as inside a name (中央经济工作会议和国资委)
_EVENT_BEFORE_AND = re.compile(r"(?:会议|大会|全会|峰会|论坛|典礼|仪式|活动|精神|讲话|报告)和")


def _joins_no_body(name: str, lex: Lexicons) -> bool:
    """Whether the 和 in a name joins two things rather than two fields of one body: a meeting or
    an event before it (经济工作会议和…), or a known body of its own after it (…和国资委)."""
    return bool(_EVENT_BEFORE_AND.search(name)) or name[name.rfind("和") + 1 :] in lex.org_full_names


_LEVELS = frozenset("县市区旗")
# a one-character word that closes a clause or joins two, never a place's first character
_FUNCTION_TAGS = frozenset(("c", "p", "r", "d", "u", "uj", "ul", "v"))


def _cuts_short_place(tokens: tuple[Token, ...], start: int) -> bool:
    """Whether the two-character place (和县, 任县) that a prefixed match opens with is no place in
    the segmenter's words: its first character ends another word (现任/县财政局) or is a function
    word of its own (党委 和/c 县政府); 萧/nr 县政府 is the county 萧县 still."""
    token = tokens[word_at(tokens, start)]
    return token.start < start or (token.end == start + 1 and token.tag in _FUNCTION_TAGS)


def _is_education_level(text: str, end: int) -> bool:
    """Whether the 大学 ending at `end` is a level of schooling (中央党校大学学历: a university-level
    degree from the Party school, 省委党校大学学历), not a university's name."""
    return text.startswith("学历", end)


def _owner_length(text: str, start: int) -> int:
    """The length of the national organization's name written straight before `start` (民盟广东省委),
    or 0."""
    owners = _OWNERS_BY_LAST.get(text[start - 1]) if start else None
    if owners is not None and text.endswith(owners, 0, start):
        return next(len(owner) for owner in owners if text.endswith(owner, 0, start))
    return 0


# a street and a house number (解放路12号): an address, which no body's name holds (a metro line's
# 3号线建设指挥部 has no street before its number)
_HOUSE_NUMBER = re.compile(r"[路街巷弄道][0-9０-９]+号")
_VERB_WORDS = frozenset(words("作 做 任 到 赴 会见 看望 会谈 视察 慰问 致辞 讲话"))  # not 调研, 考察: 调研组


def _stands_as_name(tokens: tuple[Token, ...], lex: Lexicons, start: int, end: int) -> bool:
    """Whether the segmenter's words say a prefixed match is a name and not a clause: False where
    the match ends inside a word (政府 of 政府工作报告) that does not go on into a role title (省委
    of 省委书记 is fine), or runs across a role title with more after it (国务院总理李克强作政府)
    or a verb (作, 会见, 调研)."""
    i = word_at(tokens, start)
    while i < len(tokens) and tokens[i].start < end:
        token = tokens[i]
        i += 1
        if token.start < start:
            continue
        if token.end > end:
            tail = token.word[end - token.start :]
            return tail in lex.role_titles or bool(lex.role_title_re.fullmatch(tail))
        if token.word in _VERB_WORDS or (token.end < end and token.word in lex.role_titles):
            return False
    return True


def _children(text: str, found: list[Found], tokens: tuple[Token, ...], lex: Lexicons) -> list[Found]:
    # 6. a body's own office or unit written straight after it: 国务院安委会办公室, 四川大学华西医院;
    # and the bodies listed after it with its suffix (新区改革发展局、规划建设局、公共服务局)
    children: list[Found] = []
    listed: set[int] = set()  # where a list's items were read from: 规划建设局 and 建设局 end at one 、
    for item in found:
        after = text[item.end : item.end + 1]
        if not "\u4e00" <= after <= "\u9fff":
            # every child opens with a Chinese character; most names end at a separator
            if after == "、" and text[item.end - 1] in _SIBLING_ENDINGS:
                children.extend(_siblings(text, item.end, tokens, lex, listed))
            continue
        name = text[item.start : item.end]
        if text[item.end] == "驻":
            pattern = _STATIONED_CHILD
        elif name.endswith(_PARTY_PARENTS):
            pattern = _PARTY_CHILD
        elif name.endswith(_UNIT_PARENTS):
            pattern = _UNIT_CHILD
        else:
            pattern = _OFFICE_CHILD
        match = pattern.match(text, item.end)
        if match is None and item.rule == "known":
            match = _department(text, item.end, tokens, lex)
        if match:
            children.append(Found(item.start, match.end(), text[item.start : match.end()], "child"))
    return children


# a list of one place's bureaus names the place once: 新区改革发展局、规划建设局、公共服务局 are the
# zone's three. A name after 、 that ends with the same one-character suffix and closes an item of
# the list is a body too (not 委, whose 区委、区委常委 holds a member's post, nor 室: 会议室)
_SIBLING_ENDINGS = frozenset("局厅办")
_SIBLING = re.compile(rf"{_BODY}{{2,6}}?[局厅办](?=[、，。；和及与等负\n]|$)")  # 负: 负责同志


def _siblings(text: str, end: int, tokens: tuple[Token, ...], lex: Lexicons, listed: set[int]) -> list[Found]:
    """The bodies listed after the one ending at `end` (before a 、) with its suffix, each after
    the last, unless a list was read from there already."""
    siblings: list[Found] = []
    ending = text[end - 1]
    while end not in listed:
        listed.add(end)
        match = _SIBLING.match(text, end + 1)
        if match is None or match.group()[-1] != ending or match.group()[-2:] in _NOT_ORG_ENDINGS:
            break
        if not _stands_as_name(tokens, lex, match.start(), match.end()):
            break
        siblings.append(Found(match.start(), match.end(), match.group(), "sibling"))
        end = match.end()
        if text[end : end + 1] != "、":
            break
    return siblings


def _department(text: str, start: int, tokens: tuple[Token, ...], lex: Lexicons) -> re.Match[str] | None:
    """A known body's department or branch written straight after it (国资委安全生产监督局): no
    verb, role title or 的 inside (国家统计局副局长…, 国资委将…), and no 全局/格局-like ending."""
    # the longest a department can be: 8 characters and 中心支行 (or 直属库); one with 和 inside is longer
    # (市场运行和消费促进司, 10): a window wide enough for all would run the pattern far more often
    window = text[start : start + 11]
    if "局" not in window and "司" not in window and "行" not in window and "库" not in window:
        return None  # most bodies go on with a verb or a role title (3 -> 1 µs a seed)
    match = _DEPARTMENT_CHILD.match(text, start)
    if match is None or match.group()[-2:] in _NOT_ORG_ENDINGS or not _stands_as_name(tokens, lex, start, match.end()):
        return None
    return match


def _companies(text: str, tokens: tuple[Token, ...]) -> list[Found]:
    # 7. a company by its registered name, standing after a clause edge or the last verb, function
    # word or time word before it
    found = []
    for match in _company_names(text):
        start = _company_start(text, tokens, match)
        if start is not None:
            found.append(Found(start, match.end(), text[start : match.end()], "company"))
    return found


def _company_start(text: str, tokens: tuple[Token, ...], match: re.Match[str]) -> int | None:
    """Where the company's name in `match` opens: past the last break in it (a verb, a pronoun, a
    time word, a function word) that is a word of the segmenter's own (和记 or 大为 hold no 和 or
    为), or None if too little is left before the suffix (a name is a trade name, then its kind)."""
    start = match.start()
    for brk in _COMPANY_BREAK.finditer(text, start, match.end()):
        if brk.end() - brk.start() > 1 or (starts_word(tokens, brk.start()) and ends_word(tokens, brk.end())):
            start = brk.end()
    suffix = text.find("有限", start)
    if start > match.start() and (suffix - start < 2 or (text[suffix - 2 : suffix] == "股份" and suffix - start < 4)):
        return None
    return start


# a company named by its trade name and its trade, unregistered: the segmenter's proper name for
# it (长江/ns, 华信/nz), one or two words of its trade (物流, 电子 科技), 公司 or 集团公司; or its
# trade and 公司 as one word (黄河/ns 航运公司/n)
_TRADE_NAME_TAGS = frozenset(("ns", "nz"))
_TRADE_TAGS = frozenset(("n", "vn"))
_COMPANY_KINDS = frozenset(("公司", "集团公司", "股份公司"))
_NO_TRADES = frozenset(("有限", "股份有限", "有限责任", "分", "子", "母", "总", "本", "该", "各"))


def _trade_name_companies(text: str, tokens: tuple[Token, ...], lex: Lexicons) -> list[Found]:
    # 7. a company by its trade name (集团所属长江物流公司): not one a place's name opens (美国科技
    # 公司, 广东电力公司: the prefix rules' to judge), nor a kind of company with no name (新兴科技公司)
    found: list[Found] = []
    at = text.find("司", 1)  # one character: a fast find; then 公 before it
    while at != -1:
        if text[at - 1] == "公":
            i = word_at(tokens, at)
            token = tokens[i]
            if token.end == at + 1 and token.tag in _TRADE_TAGS:
                start = _trade_name_start(tokens, i, lex)
                if start is not None:
                    found.append(Found(start, at + 1, text[start : at + 1], "trade-name"))
        at = text.find("司", at + 1)
    return found


def _trade_name_start(tokens: tuple[Token, ...], i: int, lex: Lexicons) -> int | None:
    """Where the trade name before the company word `tokens[i]` starts: past one or two words of
    its trade (none before 集团公司), the segmenter's proper name of two characters or more."""
    word = tokens[i].word
    if word in _COMPANY_KINDS:
        trades = 0
    elif len(word) >= 4 and word[:-2] not in _NO_TRADES:
        trades = 1  # 航运公司: the trade is in the word
    else:
        return None
    j = i - 1
    while j >= 0 and trades < 2 and tokens[j].tag in _TRADE_TAGS and len(tokens[j].word) >= 2:
        trades, j = trades + 1, j - 1
    if j < 0 or (trades == 0 and word == "公司"):
        return None
    name = tokens[j]
    if name.tag not in _TRADE_NAME_TAGS or len(name.word) < 2 or name.word in lex.place_full_names:
        return None
    if not trades and name.tag != "ns":
        return None  # 充分肯定/nz 集团公司: the segmenter's nz is a phrase as often as a name
    if name.word.startswith(CENTRAL_PREFIXES):
        return None
    return name.start


_COMPANY_REACH = 18  # from a name's start to the 有限 of its suffix: 16 characters, then 股份


def _company_names(text: str) -> Iterator[re.Match[str]]:
    """`_COMPANY.finditer(text)`, with `re` set going only near a 有限, which every suffix holds:
    the pattern opens with a look-behind, so `re` would try it at every position (a text without
    a company: 40 -> 1 µs). A name that starts at or after `position` has its 有限 at least 2 and
    at most `_COMPANY_REACH` characters after its start, so it starts no earlier than the first
    有限 from `position + 2`, less the reach; the search from there is finditer's own. A text
    without 限 is ruled out first: a one-character `in` is a fast C scan, where `find("有限")`
    tests the text a character at a time (1.6 µs a seed)."""
    if "限" not in text:
        return
    position = 0
    while (suffix := text.find("有限", position + 2)) != -1:
        match = _COMPANY.search(text, max(position, suffix - _COMPANY_REACH))
        if match is None:
            return
        yield match
        position = match.end()


def _customs(text: str, tokens: tuple[Token, ...], lex: Lexicons) -> list[Found]:
    # 8. a customs district: a place and 海关, as one word of the segmenter's (黄埔海关/ns) or as
    # two (拱北/ns 海关); the place is the segmenter's or the gazetteer's (石家庄/nr), never a
    # central prefix or another word (全国海关, 各隶属海关 are customs in general)
    found: list[Found] = []
    # at each 海 (a one-character find skips ahead fast; find("海关") tests every character)
    at = text.find("海")
    while at != -1:
        if text.startswith("关", at + 1) and not text.startswith("总署", at + 2):  # 海关总署 is known
            # the word that holds 海关's 海: 黄埔海关/ns, or 海关 itself after 拱北/ns
            i = max(0, bisect_right(tokens, at, key=_TOKEN_START) - 1)
            word, tag, start, end = tokens[i]
            if end == at + 2:  # not a longer word (海关关长), nor 海 ending another word
                if start < at and tag in _PLACE_TAGS:  # one word: a place's own customs (黄埔海关/ns)
                    _add_customs(text, word[:-2], start, end, found)
                elif start == at and i and (before := tokens[i - 1]).end == at and _is_place_word(before, lex):
                    _add_customs(text, before.word, before.start, end, found)  # 拱北/ns 海关
        at = text.find("海", at + 1)
    return found


def _is_place_word(token: Token, lex: Lexicons) -> bool:
    return token.tag in _PLACE_TAGS or token.word in lex.place_full_names  # 石家庄/nr is a place too


def _add_customs(text: str, place: str, start: int, end: int, found: list[Found]) -> None:
    if len(place) >= 2 and not place.startswith(CENTRAL_PREFIXES):
        found.append(Found(start, end, text[start:end], "customs"))


_PLACE_TAGS = frozenset(("ns", "nt"))
_TOKEN_START = itemgetter(2)

# a school's name opens after a clause edge; its stem is a discipline (机械工程, 化学化工), a
# university's a proper name (南岭/ns): 世界/n 一流大学, 名牌/n 大学 are no names. A school's two
# disciplines may be joined by 与 (经济与管理学院, 材料科学与工程学院): group 2 is the first one
# (or after a verb that takes it as its object, as a body's: 举行江城理工大学毕业典礼, 来到…学院)
_SCHOOL_STEM = re.compile(
    rf"(?:^|[，、：；。（“《\s和与及]|(?<={_BODY_VERBS}))((?:({_BODY}{{2,6}})与)?({_BODY}{{2,8}}))$"
)
_SCHOOL_REACH = 16  # an edge, the longest stem (6, 与, 8): `^` at a window's start is no edge then
_SCHOOL_TAGS = frozenset(("n", "nz", "vn", "ns", "nr", "nt", "j", "l"))
_UNIVERSITY_TAGS = frozenset(("ns", "nz", "nr", "nt", "j"))
_NOT_SCHOOL_FIRST = frozenset("各全本该我这那每此其多两几")
# what stands before 与 as a party to an agreement, not as a discipline (企业与化学化工学院合作), or
# before 大学 as a kind of university (北方重点大学, 南方一流大学)
_NOT_DISCIPLINES = frozenset(
    words(
        "企业 学校 高校 政府 医院 单位 部门 机构 公司 社会 家庭 学生 教师 师生 地方 行业 基地 校友 校地 "
        "重点 一流 名牌 知名 著名 普通 公办 民办 综合 高水平 研究型 新建 部属 省属 各类 其他"
    )
)
_DISCIPLINE_TAGS = frozenset(("n", "nz", "vn", "nt"))  # not 一流大学/l
# the compass regions that open a university's proper name with a discipline after them
# (南方科技大学, 西南交通大学, 华中农业大学): the segmenter tags 南方 a direction (f), and such a
# name needs no clause edge before it (联合南方科技大学开设…)
_COMPASS_REGIONS = frozenset(words("东北 西北 东南 西南 华北 华东 华南 华中 华西 中南 西部 南方 北方"))


def _schools(text: str, tokens: tuple[Token, ...], lex: Lexicons) -> list[Found]:
    # 9. a university (大学) or a school (学院) named on its own, after a clause edge
    found: list[Found] = []
    at = text.find("学")  # one character: a fast find; then 大学 or 学院 around it
    while at != -1:
        if at and text[at - 1] == "大":
            suffix, is_university = at - 1, True
        elif text[at + 1 : at + 2] == "院":
            suffix, is_university = at, False
        else:
            at = text.find("学", at + 1)
            continue
        end = suffix + 2
        if not (is_university and _is_education_level(text, end)):
            start = _school_start(text, tokens, lex, suffix, _UNIVERSITY_TAGS if is_university else _SCHOOL_TAGS)
            if start is None and is_university:
                start = _region_university_start(tokens, suffix)
            if start is not None and _stands_as_name(tokens, lex, start, end):
                found.append(Found(start, end, text[start:end], "school"))
        at = text.find("学", end)
    return found


def _school_start(text: str, tokens: tuple[Token, ...], lex: Lexicons, suffix: int, tags: frozenset[str]) -> int | None:
    """Where the name of the school or university whose 学院 or 大学 starts at `suffix` starts: after
    a clause edge, its first word a noun or a name; two disciplines may be joined by 与."""
    window = text[max(0, suffix - _SCHOOL_REACH) : suffix]
    stem = _SCHOOL_STEM.search(window if suffix > _SCHOOL_REACH else "\n" + window)
    if stem is None:
        return None
    name, first_field = stem.group(1), stem.group(2)
    if first_field is not None and (first_field in _NOT_DISCIPLINES or first_field.endswith(lex.org_suffixes)):
        name = stem.group(3)  # 市教育局与化学化工学院: two parties, the school after 与
    start = suffix - len(name)
    first = word_starting_at(tokens, start)
    if first is None or first.tag not in tags or text[start] in _NOT_SCHOOL_FIRST:
        return None
    return start


def _region_university_start(tokens: tuple[Token, ...], suffix: int) -> int | None:
    """Where a university named by a compass region and a discipline starts, its 大学 at `suffix`
    (南方/f 科技/n 大学/n, 南方/f 海洋大学/nt), or None: not 北方/f 重点/n 大学 (key universities)."""
    i = word_at(tokens, suffix)
    token = tokens[i]
    if token.start == suffix and token.word == "大学" and i >= 2:  # the discipline a word before
        region, discipline, tag = tokens[i - 2], tokens[i - 1].word, tokens[i - 1].tag
    elif token.end == suffix + 2 and token.start < suffix - 1 and i >= 1:  # one word with its 大学
        region, discipline, tag = tokens[i - 1], token.word[:-2], token.tag
    else:
        return None
    if region.word in _COMPASS_REGIONS and tag in _DISCIPLINE_TAGS and discipline not in _NOT_DISCIPLINES:
        return region.start
    return None


def _numbered(text: str) -> list[Found]:
    # 4. numbered groups: 第七指导组
    return [Found(m.start(), m.end(), m.group(), "numbered-group") for m in _NUMBERED.finditer(text)]


_BODY_TAG = "nt"  # the segmenter's tag of an organization's name


def _segmenter_nt(tokens: tuple[Token, ...], tags: tuple[str, ...], lex: Lexicons) -> list[Found]:
    # 5. the segmenter's organization tag, kept only where the word ends like an organization
    return [
        Found(t.start, t.end, lex.org_full_names.get(t.word, t.word), "segmenter-nt")
        for t in _tagged(tokens, tags, _BODY_TAG)
        if len(t.word) >= 3
        and t.word.endswith(lex.org_suffixes)
        and not t.word.endswith(_MEETING_TAILS)
        and t.word != "交易所"  # the kind alone (各交易所): the segmenter tags it as a name
    ]


def _tagged(tokens: tuple[Token, ...], tags: tuple[str, ...], tag: str) -> Iterator[Token]:
    """The tokens of `tag`, found in the tags column by `tuple.index` (a C scan): some ten of an
    article's thousand tokens are `nt`, and a Python test of each token's tag cost 22 µs a seed."""
    at = -1
    while True:
        try:
            at = tags.index(tag, at + 1)
        except ValueError:
            return
        yield tokens[at]


# a department's name opens after a clause edge and may hold one 和 or 与 between its two fields
# (就业收入分配和消费司, 职业教育与成人教育司); its ministry's name may come first (商务部…司)
_DEPARTMENT_STEM = re.compile(rf"(?:^|[，、：；。（“\s和与及])((?:{_BODY}{{2,8}}[和与])?{_BODY}{{2,8}})$")
_DEPARTMENT_HEADS = frozenset(("司长", "副司长"))  # as the segmenter's words: not 上司/长期
_DEPARTMENT_REACH = 21  # an edge, the longest stem (8, 和, 8) and the 司


def _departments(text: str, tokens: tuple[Token, ...], lex: Lexicons) -> list[Found]:
    # 10. a ministry's department (司) named alone after a clause edge, its head's title after it:
    # 基础教育司司长, 体育卫生与艺术教育司副司长. Only a department of the central government has a 司长
    # (a province's has a 处长); not 各司, nor a company (公司) however it goes on
    found: list[Found] = []
    at = text.find("司")  # one character: a fast find (find("司长") tests every character); then 司长
    while at != -1:
        if text[at + 1 : at + 2] != "长":
            at = text.find("司", at + 1)
            continue
        end = at - 1 if text[at - 1 : at] == "副" else at  # just past the department's 司
        if text[end - 1 : end] == "司" and end > 1:
            window = text[max(0, end - _DEPARTMENT_REACH) : end - 1]
            stem = _DEPARTMENT_STEM.search(window if end > _DEPARTMENT_REACH else "\n" + window)
            if stem is not None:
                start = end - 1 - len(stem.group(1))
                head = word_starting_at(tokens, end)
                if (
                    head is not None
                    and head.word in _DEPARTMENT_HEADS
                    and text[start] not in _NOT_SCHOOL_FIRST
                    and text[end - 2] != "公"
                    and _stands_as_name(tokens, lex, start, end)
                ):
                    found.append(Found(start, end, text[start:end], "department"))
        at = text.find("司", at + 2)
    return found


# an international body by its field: 国际物流协会, 世界卫生组织, 世界港口联盟, 国际红十字委员会.
# Only the kinds of an association or a body of states, not 中心 or 大学 (国际消费中心城市, 世界一流
# 大学 are goals), and never a member or a meeting after it (协会会员, 委员会议)
# 组织 as a verb (国际合作组织实施: cooperation organizes) or the start of another word (组织架构)
_ORGANIZE_OBJECTS = trie_pattern(words("实施 开展 动员 协调 推动 推进 落实 引导 领导 力量 架构 形式 建设 化"))
_INTERNATIONAL = re.compile(
    rf"(?:国际|世界){_BODY}{{2,8}}?(?:联合会|协会|学会|组织(?!{_ORGANIZE_OBJECTS})|联盟|基金会|理事会|委员会)(?![员议见谈])"
)


def _internationals(text: str, tokens: tuple[Token, ...], lex: Lexicons) -> list[Found]:
    # 13. an international body: 国际 or 世界 as a word of its own, a field, an association's kind
    found: list[Found] = []
    for opening in ("国际", "世界"):
        at = text.find(opening[1])  # one character: a fast find (find("国际") tests every character)
        while at != -1:
            start = at - 1
            at = text.find(opening[1], at + 1)
            if start < 0 or text[start] != opening[0]:
                continue
            # every kind ends in 会, 织 or 盟: most 国际 open a phrase with none (3.5 -> 1 µs a seed)
            window = text[start + 4 : start + 15]
            if "会" not in window and "织" not in window and "盟" not in window:
                continue
            match = _INTERNATIONAL.match(text, start)
            if match is not None and starts_word(tokens, start) and _stands_as_name(tokens, lex, start, match.end()):
                found.append(Found(start, match.end(), match.group(), "international"))
    return found


# what a lake's name is read up to: 湖南, 湖北, 湖州 and 湖区 (the lakeside) go on past the 湖
_NOT_AFTER_LAKE = frozenset("南北州区泊畔边面")


def _waters(text: str, tokens: tuple[Token, ...], lex: Lexicons) -> list[Found]:
    # 11. a body named after a lake or a river basin, standing after a clause edge: the segmenter's
    # place word (鄱阳湖/ns, 太湖流域/ns), which is no place of the gazetteer's, then a body and a
    # suffix as after a place: 鄱阳湖水利枢纽管理局, 太湖流域管理局
    after = _patterns(lex)[0]
    found: list[Found] = []
    for last in "湖域":  # a lake's name ends in 湖, a basin's in 流域 (one character: a fast find)
        at = text.find(last)
        while at != -1:
            end = at + 1
            at = text.find(last, end)
            if last == "域" and text[end - 2 : end - 1] != "流":
                continue
            if not "\u4e00" <= text[end : end + 1] <= "\u9fff" or text[end] in _NOT_AFTER_LAKE:
                continue
            word, tag, start, word_end = tokens[max(0, bisect_right(tokens, end - 1, key=_TOKEN_START) - 1)]
            if word_end != end or tag != "ns" or len(word) < 2 or word in lex.place_full_names:
                continue
            before = text[start - 1] if start else ""
            if before and "\u4e00" <= before <= "\u9fff" and before not in _LOCAL_AFTER:
                continue
            match = after.match(text, end)
            if match is None or match.group()[-2:] in _NOT_ORG_ENDINGS:
                continue
            if _stands_as_name(tokens, lex, start, match.end()):
                found.append(Found(start, match.end(), text[start : match.end()], "waters"))
    return found


# 14. a Party committee or office its own texts name bare, with no place before it: a prefecture's
# 地委 and its commissioner's office 行署, a league's 盟委, a banner's 旗委, a region's 自治区党委
# (省委, 市委 are the `local` rule's, which needs a clause edge: these words are never a field's).
# A word of its own (各地委员会, 当地委托 are 委员会 and 委托), never 地委员 or 盟委托
_BARE_COMMITTEE_FIRSTS = frozenset("地盟旗")  # 地委, 盟委, 旗委; and 自治区党委
_NOT_AFTER_COMMITTEE = frozenset("员托屈派")


def _bare_committees(text: str, tokens: tuple[Token, ...]) -> list[Found]:
    # found at their last character, one character's fast find each (find("地委") cost 1.5 µs a seed)
    found: list[Found] = []
    for last in "委署":
        at = text.find(last, 1)
        while at != -1:
            end = at + 1
            if last == "署":
                start = at - 1 if text[at - 1] == "行" else -1
            elif text[at - 1] in _BARE_COMMITTEE_FIRSTS:
                start = at - 1
            else:
                start = at - 4 if text.endswith("自治区党", 0, at) else -1
            if start >= 0 and text[end : end + 1] not in _NOT_AFTER_COMMITTEE and starts_word(tokens, start):
                found.append(Found(start, end, text[start:end], "bare-committee"))
            at = text.find(last, end)
    return found


# 15. the civil aviation administration's regional bodies, named after 民航 and a region or a
# province: 民航华东地区管理局, 民航新疆管理局, 民航江苏监管局 (the place rules would take only
# 新疆管理局); not 民航各地区管理局, 民航各监管局 (each of them)
_CIVIL_AVIATION = re.compile(
    rf"民航(?:[华东中西][北东南]地区管理局|(?![各全有该])[{_CJK}]{{2,3}}?(?:管理局|监管局|安全监督管理局))"
)


def _civil_aviation(text: str) -> list[Found]:
    found: list[Found] = []
    at = text.find("航", 1)  # one character: a fast find ("民航" in text cost 1.5 µs a seed)
    while at != -1:
        if text[at - 1] == "民" and (match := _CIVIL_AVIATION.match(text, at - 1)):
            found.append(Found(match.start(), match.end(), match.group(), "civil-aviation"))
        at = text.find("航", at + 1)
    return found


# 16. a group company registered with （集团） in its name: 华信能源（集团）有限公司, 上海国际港务（集团）
# 股份有限公司. The name opens at the place its trade name starts with (支持新疆天业（集团）: not
# 支持), or else past the verbs and function words before its trade name (支持江河能源（集团）)
_GROUP_MARK = "（集团）"
_GROUP_KIND = re.compile("股份有限公司|有限责任公司|有限公司|公司")
_GROUP_HEAD = re.compile(rf"[{_CJK}]{{2,12}}$")


def _group_companies(text: str, tokens: tuple[Token, ...], lex: Lexicons) -> list[Found]:
    found: list[Found] = []
    at = text.find(_GROUP_MARK)
    while at != -1:
        kind = _GROUP_KIND.match(text, at + len(_GROUP_MARK))
        head = _GROUP_HEAD.search(text, max(0, at - 12), at)
        if kind is not None and head is not None:
            start = head.start()
            place = next((s for s, _ in lexicon_names(text, lex).prefixes if start <= s < at - 1), None)
            start = place if place is not None else _past_leading_verbs(tokens, start, at)
            if at - start >= 2:
                found.append(Found(start, kind.end(), text[start : kind.end()], "group-company"))
        at = text.find(_GROUP_MARK, at + 1)
    return found


# 17. a ministry's department (司) in a list of the ministry's units, with no 司长 after it:
# 部办公厅、政策法规司、市场监管司有关负责同志. Between list marks, or before who speaks for it
# (有关负责同志, 负责人): only a department of the central government is a 司 (a province's is a 处)
_LISTED_DEPARTMENT_AFTER = re.compile("[、，和及]|有关|负责|相关|主要")


def _listed_departments(text: str, tokens: tuple[Token, ...], lex: Lexicons) -> list[Found]:
    found: list[Found] = []
    at = text.find("司")  # one character: a fast find; a list goes on after one (司、)
    while at != -1:
        if text[at + 1 : at + 2] != "、":
            at = text.find("司", at + 1)
            continue
        first = at
        # the list's departments, from the first marked one on: 战略规划司、知识产权保护司负责同志
        while first != -1 and text[first - 1 : first] != "公":
            end = first + 1
            window = text[max(0, end - _DEPARTMENT_REACH) : end - 1]
            stem = _DEPARTMENT_STEM.search(window if end > _DEPARTMENT_REACH else "\n" + window)
            if stem is None or not _LISTED_DEPARTMENT_AFTER.match(text, end):
                break
            start = end - 1 - len(stem.group(1))
            if text[start] not in _NOT_SCHOOL_FIRST and end - start >= 4 and _stands_as_name(tokens, lex, start, end):
                found.append(Found(start, end, text[start:end], "listed-department"))
            nxt = _LISTED_DEPARTMENT_NEXT.match(text, end + 1)
            first = nxt.end() - 1 if nxt is not None and text[end] == "、" else -1
        at = text.find("司", at + 2)
    return found


_LISTED_DEPARTMENT_NEXT = re.compile(rf"[{_CJK}]{{2,8}}?司")


_NOT_NAME_TAGS = ("v", "p", "c", "d", "r", "u")  # a verb, preposition, conjunction, adverb, pronoun


def _past_leading_verbs(tokens: tuple[Token, ...], start: int, end: int) -> int:
    """Where a name opens in `start`..`end`: past the segmenter's verbs and function words before it."""
    i = word_at(tokens, start)
    while i < len(tokens) and tokens[i].start < end and tokens[i].tag.startswith(_NOT_NAME_TAGS):
        start = tokens[i].end
        i += 1
    return start
