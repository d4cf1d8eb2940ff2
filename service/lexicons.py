"""The hand-made word lists the metadata stages read: surnames, role titles, places, organizations.

Each list is a text file under `service/data/` that opens with a comment on where its content
comes from. They are read once per process into one frozen `Lexicons` (held by
`resources.Resources`), with every regex the stages need compiled here, not per request.

Word lists become regexes through `trie_pattern`: a pattern shaped like a trie
(`长(?:春(?:市)?|沙(?:市)?)`) lets `re` decide at each character instead of trying hundreds of
alternatives one after another, and the greedy optional groups make it prefer the longest word.
A node with many children (the first characters of 5,000 place names) is cut into buckets that
`re` skips with one character-class test each (places 0.41 -> 0.14 ms an article).

The two biggest lists, the gazetteer's 5,800 place names and the known organizations, are found
by a `WordIndex` instead: an Aho-Corasick automaton walks the text once whatever the number of
words, where even the bucketed trie regex tests dozens of character classes at every position
(place names on a seed: place_re 333 µs, ahocorasick_rs 14 µs). pyahocorasick was measured too
and is no faster than the regex here (381 µs): its nodes look their children up one by one, and
the root of 5,800 Chinese names has some 1,500 of them. The organizations and places stages
read both lists, and the places and central bodies an organization's name opens with, from one
`NameIndex`: one automaton over all those lists, one walk over the text. The people stage, which
runs first, makes that walk: the same automaton also holds the role titles and the verbs a
speaker's clause ends with (指出, 强调 …), so every word list the three stages look for is found
in the one pass, and the later stages are given its answer again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs


def words(listing: str) -> list[str]:
    """A word list written inline, separated by whitespace."""
    return listing.split()


def read_words(path: Path) -> list[str]:
    """Whitespace-separated words, skipping `#` comment lines; order kept, duplicates dropped."""
    words: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for word in line.split():
            words[word] = None
    return list(words)


def read_rows(path: Path) -> list[list[str]]:
    """One row per line, fields separated by `|`, skipping `#` comment lines and blank lines."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append([field.strip() for field in line.split("|") if field.strip()])
    return rows


_FAN = 16  # more alternatives than this at one node are bucketed


def _bucket(branches: list[tuple[str, str]]) -> str:
    """`[abc](?:(?<=a)…|(?<=b)…|(?<=c)…)`: one class test skips the whole bucket."""
    chars = "".join(char for char, _ in branches)
    return f"[{chars}](?:" + "|".join(f"(?<={char}){rest}" for char, rest in branches) + ")"


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching any of `words`, the longest where several start at one place."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        is_end = "" in node
        branches = [(re.escape(char), build(child)) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1:
            body = branches[0][0] + branches[0][1]
        elif len(branches) <= _FAN:
            body = "(?:" + "|".join(char + rest for char, rest in branches) + ")"
        else:  # `re` tries alternatives one by one: buckets of √n first characters, each one class
            size = math.isqrt(len(branches) - 1) + 1
            buckets = [branches[i : i + size] for i in range(0, len(branches), size)]
            body = "(?:" + "|".join(_bucket(bucket) for bucket in buckets) + ")"
        if is_end:  # a word may stop here: try the longer ones first (greedy `?`)
            return "(?:" + body + ")?"
        return body

    return build(trie)


def char_positions(text: str, chars: str) -> list[int]:
    """Where any of `chars` stands in `text`, in order: a `str.find` per character (a C search
    that skips ahead fast for one character), where a regex scanning for the class `[chars]`
    tests every character of the text (~4 ns each when they are Chinese)."""
    found = []
    for char in chars:
        at = text.find(char)
        while at != -1:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def word_positions(text: str, word: str) -> Iterator[int]:
    """Every start of `word` in `text`, in order, by `str.find`."""
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


class WordIndex:
    """Where the words of a list occur in a text, found in one pass by Aho-Corasick automata.

    The one owner of the automata (ahocorasick_rs: BurntSushi's `aho-corasick` crate, the one
    ripgrep uses): built once, with the lexicons, before gunicorn forks, and only read afterwards.
    Positions are in characters, as `re` gives them.
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = list(words)
        self._longest = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self._every = ahocorasick_rs.AhoCorasick(words)  # every occurrence, overlapping ones too

    def longest(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the words, leftmost first and the longest where several start together,
        never overlapping: what `re.finditer(trie_pattern(words), text)` finds."""
        return [(start, end) for _, start, end in self._longest.find_matches_as_indexes(text)]

    def lengths_at(self, text: str) -> dict[int, list[int]]:
        """Each position where a word starts -> the lengths of the words starting there, longest first."""
        found: dict[int, list[int]] = {}
        for _, start, end in self._every.find_matches_as_indexes(text, overlapping=True):
            found.setdefault(start, []).append(end - start)
        for lengths in found.values():
            lengths.sort(reverse=True)
        return found


# What an organization's name may open with instead of a place: 中央第二十指导组, 国家市场监督管理总局
CENTRAL_PREFIXES = ("中共中央", "中央", "国家", "国务院", "全国", "中国")
# The verbs a speaker's clause ends with (王辉忠在讲话中指出): people's `speaker` rule tries a
# clause only where one of them follows it closely.
SPEECH_VERBS = ("指出", "强调", "表示", "要求", "认为", "说", "讲话", "致辞", "主持", "宣布", "介绍", "希望")
# What an appointment or removal notice holds: 任命X为…, 提名…, 免去X的…职务 (the names follow the
# verb); X同志任…, X（同志）不再担任…职务 (the name comes first). Most articles hold none, and
# people's `appointment` rule runs only where one stands.
# 补选/递补/增选/选举X为Y: a plenary session's election results read as an appointment does;
# 聘任/聘请X为Y (参事, 顾问) and 解聘X的Y职务, a post held by contract, as 任命 and 免去 do.
APPOINT_VERBS = ("任命", "提名", "免去", "补选", "递补", "增选", "选举", "聘任", "聘请", "解聘")
REMOVAL_VERBS = frozenset(("免去", "解聘"))  # X的Y职务: the office the person leaves
APPOINTED_VERBS = ("同志任", "同志不再担任", "不再担任")
# Who a person is when the text gives no office: 看望老党员刘德厚, 村民李桂兰说. people's `described`
# rule reads a name straight after one of these; the word gives no role (it is no office). Not
# 党员 alone: in this domain it stands in 党员干部 a dozen times an article, before any name.
# 联系人 also opens a notice's contact line (联系人：张三), which people's `contact` rule reads.
PERSON_NOUNS = words(
    "老党员 共产党员 老干部 老同志 村民 居民 群众 农民 牧民 渔民 农户 职工 员工 工人 农民工 老人 老兵 "
    "联系人 退役军人 军人 志愿者 贫困户 脱贫户 低保户 困难户 五保户 种植户 养殖户 户主 村医 医生 护士 教师 老师 "
    "学生 大学生 民警 辅警 消防员 队员 网格员 快递员 企业家 烈士 劳模 劳动模范 市民 游客 患者 家属 "
    # the families a visit to the veterans' and martyrs' homes names (看望烈士遗属张桂芳)
    "遗属 烈士遗属 烈属 军属 军烈属 优抚对象 老战士 老红军 "
    # a family member a condolence or a visit names (慰问了张三同志的夫人李四); not 爱人, which
    # opens 爱人民 (热爱人民); 母亲河 is one word, so no name follows its 母亲
    "夫人 妻子 丈夫 老伴 父亲 母亲 儿子 女儿 "
    # a student named before the word (李四同学), which people's `comrade` rule reads as 同志
    "同学 "
    # a student who speaks for the others (学院2020级本科生张三发言): people's `described` rule
    # gives these their words as a role (NOUNS_GIVING_ROLE); not role titles, which keywords leave
    # out (研究生教育 is a topic)
    "本科生 研究生 博士生 硕士生"
)
NOUNS_GIVING_ROLE = frozenset(words("本科生 研究生 博士生 硕士生"))
# 市领导张三, 张三同志: people's `leaders` and `comrade` rules read a name after 领导 or before 同志,
# where the lexicons' pass found one (a search of the text for each cost 1.5 µs a seed)
LEADERS = "领导"
COMRADE = "同志"
# 在京召开, 赴沪调研: a one-character place counts only straight after one of ONE_CHAR_LEADS;
# places' `one-char` rule is tried only where such a pair (在京) stands.
ONE_CHAR_LEADS = "在赴抵来离返进驻"
ONE_CHAR_PLACES = "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕陇青宁新港澳台"


class Names(NamedTuple):
    """What `NameIndex.find` found in one text, as (start, end) spans in characters."""

    places: list[tuple[int, int]]  # place names: leftmost first, the longest, never overlapping
    organizations: list[tuple[int, int]]  # known organizations, chosen the same way
    prefixes: list[tuple[int, int]]  # every place or central prefix, overlapping ones too: by start, longest first
    titles: list[tuple[int, int]]  # role titles, chosen as places are
    speech_verbs: list[int]  # where each occurrence of a speech verb starts, in order
    notice_verbs: list[tuple[int, int]]  # every occurrence of an appointment verb, in the order found
    one_char_visits: list[int]  # where each pair of a lead and a one-character place (在京) starts, in order
    person_nouns: list[tuple[int, int]]  # words for a person with no office (村民), chosen as places are
    promoted: list[tuple[int, int]]  # every withheld stem with another level's suffix (凤翔区), in the order found
    zones: list[tuple[int, int]]  # every development zone's suffix (新区, 经济开发区 …), in the order found
    area_lists: list[tuple[int, str]]  # where each 社区、 or 片区、 starts, with the kind (社区), in order
    leaders: list[int]  # where each 领导 starts, in order
    comrades: list[int]  # where each 同志 starts, in order


class NameIndex:
    """The place names, the organization prefixes, the known organizations, the role titles, the
    speech verbs, the appointment verbs, the pairs that put a one-character place (在京) and the
    words for a person with no office (村民), the withheld place stems with another level's
    suffix (凤翔区), the suffixes of development zones' names (新区, 经济开发区), where a list
    of communities may start (社区、) and where 领导 and 同志 stand, found in a text by one
    Aho-Corasick automaton over the thirteen lists at once.

    A pass costs about the same (14 µs a seed) whatever the list, 177 organizations or 5,800
    places: the walk over the text's bytes dominates, and no byte of Chinese lets it skip ahead.
    So one pass that reports every word with the lists it is on, sorted out here, replaces four
    (the organizations and places stages 68 -> 21 µs a seed; people's own pass for the titles,
    14 µs, goes too), and it tells for free whether a text holds a verb that `str.find` took
    1.7 µs to rule out (任命: the search skips ahead poorly on Chinese). What each list gives is
    what a `WordIndex` of that list alone gives (tests/test_word_index.py)."""

    def __init__(
        self,
        *,
        places: Iterable[str],
        prefixes: Iterable[str],
        organizations: Iterable[str],
        titles: Iterable[str] = (),
        speech_verbs: Iterable[str] = (),
        notice_verbs: Iterable[str] = (),
        one_char_visits: Iterable[str] = (),
        person_nouns: Iterable[str] = (),
        promoted: Iterable[str] = (),
        zones: Iterable[str] = (),
        area_lists: Iterable[str] = (),
        leaders: Iterable[str] = (),
        comrades: Iterable[str] = (),
    ) -> None:
        given = (
            places,
            prefixes,
            organizations,
            titles,
            speech_verbs,
            notice_verbs,
            one_char_visits,
            person_nouns,
            promoted,
            zones,
            area_lists,
            leaders,
            comrades,
        )
        lists: dict[str, list[int]] = {}  # word -> the lists it is on, by their index in `given`
        for which, words in enumerate(given):
            for word in words:
                lists.setdefault(word, []).append(which)
        # The default (an NFA). A DFA (Implementation.DFA) was measured: 12 MB more and lexicons.load
        # 24 -> 51 ms, for a walk no cheaper in bench.run's full pipeline (people 0.196 ms either way).
        self._every = ahocorasick_rs.AhoCorasick(list(lists))  # every occurrence, overlapping ones too
        self._lists = tuple(tuple(on) for on in lists.values())  # by the automaton's word index
        self._count = len(given)

    def find(self, text: str) -> Names:
        lists = self._lists
        # each list's occurrences, as (start, -end), which sort by start and the longest first, in
        # the order the automaton reports them (by where they end): a loop over the lists a word
        # is on, where a test of every list's bit for every occurrence cost 4 µs a seed more
        found: list[list[tuple[int, int]]] = [[] for _ in range(self._count)]
        for index, start, end in self._every.find_matches_as_indexes(text, overlapping=True):
            for which in lists[index]:
                found[which].append((start, -end))
        (
            places,
            prefixes,
            organizations,
            titles,
            speech_verbs,
            notice_verbs,
            one_char_visits,
            person_nouns,
            promoted,
            zones,
            area_lists,
            leaders,
            comrades,
        ) = found
        prefixes.sort()
        return Names(
            places=_leftmost_longest(places),
            organizations=_leftmost_longest(organizations),
            prefixes=_spans(prefixes),
            titles=_leftmost_longest(titles),
            speech_verbs=sorted(start for start, _ in speech_verbs),
            notice_verbs=_spans(notice_verbs),
            one_char_visits=sorted(start for start, _ in one_char_visits),
            person_nouns=_leftmost_longest(person_nouns),
            promoted=_spans(promoted),
            zones=_spans(zones),
            area_lists=sorted((start, text[start : -end - 1]) for start, end in area_lists),
            leaders=sorted(start for start, _ in leaders),
            comrades=sorted(start for start, _ in comrades),
        )


def _spans(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each occurrence found as (start, -end)."""
    return [(start, -end) for start, end in found]


def _leftmost_longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of every occurrence, as (start, -end), those a leftmost-longest search reports: the first
    start, its longest word, then the same again from that word's end."""
    spans.sort()
    chosen = []
    last_end = 0
    for start, end in spans:
        if start >= last_end:
            last_end = -end
            chosen.append((start, last_end))
    return chosen


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: stages cache regexes built on it
class Lexicons:
    surnames: frozenset[str]  # single-character surnames
    compound_surnames: frozenset[str]  # 欧阳, 司马, …
    name_parts: frozenset[str]  # the parts of a Tibetan name, which has no surname: 次仁 平措
    name_endings: frozenset[str]  # one-character last parts of an Amdo Tibetan name: 措 of 才让措
    role_titles: frozenset[str]
    not_names: frozenset[str]
    org_suffixes: tuple[str, ...]
    org_full_names: dict[str, str]  # every known name or short form -> the full name
    org_short_forms: dict[str, tuple[str, ...]]  # full name -> its short forms
    sar_bodies: frozenset[str]  # bodies of the Macao and Hong Kong SARs, named bare: not in org_full_names
    place_full_names: dict[str, str]  # every place name or short form (2+ chars) -> the full name
    place_one_char: dict[str, str]  # 京 -> 北京市: trusted only in a meeting context
    place_stems: dict[str, str]  # 兴国 -> 兴国县: a stem the gazetteer withholds as a word (`place_stems`)
    place_foreign: frozenset[str]  # the names and short forms of places_world.txt: countries, states, cities
    meeting_formats: tuple[str, ...]
    role_title_re: re.Pattern[str]  # any role title
    place_index: WordIndex  # every place name of two or more characters
    name_index: NameIndex  # places, organization prefixes, known organizations, titles, speech verbs: one pass
    org_suffix_re: str  # source, for the organization stage to build on
    org_stem_re: str  # source: the body stems with 和 inside (文化和旅游), one unit of a body
    meeting_format_re: re.Pattern[str]


# What a county, city or district's full name ends in, after its stem (凤翔 + 县), and the longer
# endings of 区 that are no such level (雄安新区, 阿里地区, 神农架林区, 井陉矿区, 六枝特区, 澳门特别行政区)
_LEVEL_SUFFIXES = ("县", "市", "区", "旗")
_NOT_LEVEL_SUFFIXES = ("新区", "地区", "林区", "矿区", "特区", "行政区")


def place_stems(place_full: dict[str, str]) -> dict[str, str]:
    """The stems of full names that the gazetteer gives no short form of its own (兴国县 -> 兴国,
    长治市 -> 长治, 凤翔县 -> 凤翔): tools/build_places.py withholds them as everyday words or given
    names (科教兴国, 长治久安), so the places stage trusts them only where the text makes them a
    place: listed with one (瑞金、兴国), or with another level's suffix (凤翔区, promoted since the
    list). Autonomous units' and two-character names' stems are no such stems."""
    stems: dict[str, str] = {}
    for full in dict.fromkeys(place_full.values()):
        stem = full[:-1]
        if (
            full.endswith(_LEVEL_SUFFIXES)
            and not full.endswith(_NOT_LEVEL_SUFFIXES)
            and "自治" not in full
            and len(stem) >= 2
            and stem not in place_full
        ):
            stems.setdefault(stem, full)
    return stems


# What a county is promoted to since the list: a district of its city (凤翔县 -> 凤翔区) or a city
PROMOTED_TO = ("区", "市")


def promoted_forms(stems: dict[str, str]) -> list[str]:
    """Each stem with a level's suffix its full name does not have (凤翔区, 凤翔市 for 凤翔县): the
    places stage checks where the text writes one (`places._stems_of_other_level`)."""
    return [stem + suffix for stem, full in stems.items() for suffix in PROMOTED_TO if not full.endswith(suffix)]


# What a development zone's name ends in after the place it is named for (长江新区, 洋浦经济开发区):
# the places stage reads the word before one as a place's name (`places._zones`)
ZONE_SUFFIXES = words(
    "新区 开发区 经济开发区 经济技术开发区 高新技术产业开发区 高新区 保税区 综合保税区 保税港区 自由贸易港"
)

# Where a list of communities or areas may start (龙华社区、平湖社区): the places stage looks for one
# only there, where `str.find` cost 1.4 µs a seed (社 alone is in most texts: 社会)
AREA_LISTS = ("社区、", "片区、")


def load(data: Path) -> Lexicons:
    surnames = read_words(data / "surnames.txt")
    name_parts = read_words(data / "name_parts.txt")
    titles = read_words(data / "role_titles.txt")
    suffixes = read_words(data / "org_suffixes.txt")
    formats = read_words(data / "meeting_formats.txt")

    org_full: dict[str, str] = {}
    org_short: dict[str, tuple[str, ...]] = {}
    for full, *shorts in read_rows(data / "organizations.txt"):
        org_short[full] = tuple(shorts)
        for name in (full, *shorts):
            org_full.setdefault(name, full)
    for row in read_rows(data / "international_bodies.txt"):
        for name in row:  # reported as written: 欧盟 is 欧盟, not 欧洲联盟 (the file says why)
            org_full.setdefault(name, name)
    sar_bodies = [name for name, *_ in read_rows(data / "sar_bodies.txt") if name not in org_full]

    place_full: dict[str, str] = {}
    one_char: dict[str, str] = {}
    for full, *shorts in read_rows(data / "places.txt"):
        for name in (full, *shorts):
            if len(name) == 1:
                one_char.setdefault(name, full)
            else:
                place_full.setdefault(name, full)

    stems = place_stems(place_full)  # China's: a foreign name's stem (胡志明市 -> 胡志明) is a person's
    foreign = []
    for full, *shorts in read_rows(data / "places_world.txt"):  # after the gazetteer: China's names win
        for name in (full, *shorts):
            if name not in place_full:
                place_full[name] = full
                foreign.append(name)
    return Lexicons(
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        name_parts=frozenset(part for part in name_parts if len(part) == 2),
        name_endings=frozenset(part for part in name_parts if len(part) == 1),
        role_titles=frozenset(titles),
        not_names=frozenset(read_words(data / "not_names.txt")),
        org_suffixes=tuple(sorted(suffixes, key=len, reverse=True)),
        org_full_names=org_full,
        org_short_forms=org_short,
        sar_bodies=frozenset(sar_bodies),
        place_full_names=place_full,
        place_one_char=one_char,
        place_stems=stems,
        place_foreign=frozenset(foreign),
        meeting_formats=tuple(formats),
        role_title_re=re.compile(trie_pattern(titles)),
        place_index=WordIndex(place_full),
        name_index=NameIndex(
            places=place_full,
            prefixes=[*place_full, *CENTRAL_PREFIXES],
            organizations=[*org_full, *sar_bodies],
            titles=titles,
            speech_verbs=SPEECH_VERBS,
            notice_verbs=[*APPOINT_VERBS, *APPOINTED_VERBS],
            one_char_visits=[lead + place for lead in ONE_CHAR_LEADS for place in ONE_CHAR_PLACES],
            person_nouns=PERSON_NOUNS,
            promoted=promoted_forms(stems),
            zones=ZONE_SUFFIXES,
            area_lists=AREA_LISTS,
            leaders=[LEADERS],
            comrades=[COMRADE],
        ),
        org_suffix_re=trie_pattern(suffixes),
        org_stem_re=trie_pattern(read_words(data / "org_stems.txt")),
        meeting_format_re=re.compile(trie_pattern(formats)),
    )
