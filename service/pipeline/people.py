"""Stage `people`: the people named in the text, each with the roles the text gives them.

A name is two to four characters that start with a known surname (single or compound), or,
after a title, the two parts of a Tibetan name (`次仁平措`, `name_parts.txt`) or a part and one
syllable (`才让措`), or two parts of a Mongolian name (`萨仁图雅`); longer minority names (`巴音朝鲁`,
and before 同志 or 等 too where a part opens them: `那仁满都拉`) are read after a title, and so are three or
four characters with no surname (`其木格`) before a verb of attendance (出席, 应邀). Where a name
ends is decided by what follows it (指出, 出席, 同志, 、, …), so the rules work on the text
itself; after a title, a verb or adverb word of the segmenter of two characters or more (解读,
详细) may end it too, and the segmenter's `nr` tags only break a tie. A dotted name
(`汉斯·穆勒`) ends before an honorific or 一行 first (`…先生，`, `…一行。`). In a byline's brackets a
name ends at a space or the bracket (`（记者 张三 李四）`, `（记者张三）`). Strategies, one function each:

1. `title-before`: a role title, then the name (`中央第二十指导组组长姜大明`). The role is the
   whole clause before the name, split on `、` and `，` outside quotes, walking back as long as
   each piece ends with a title: `省委副书记、省长景俊海` gives 省委副书记 and 省长. A list that
   follows (`副省长张三、李四出席`) shares the title. A lead word ends the role's reach (尊敬的,
   感谢, 出席 …, a conjunction opening the piece, a person found before and the joiner after
   them); `担任Y` after the name adds Y (`副院长张三担任审判长`).
2. `title-after`: the name, then a title (`习近平总书记`, `于学军副主任`); a scholar's title
   (教授, 院士) only where a body ends right before the name (`某大学司马静教授`), and never a
   place before a title (`驻成都特派员办事处`).
3. `comrade`: `X同志` or `X同学`; the name is X, never X同志; `以X同志为总书记的` gives X the title.
4. `speaker`: a name opening a clause, before 指出/强调/在讲话中指出/… (`王辉忠在讲话中指出`).
5. `appointment`: an appointment or removal notice, or an election's results. The names follow
   任命/提名/免去/补选/递补/增选/选举/聘任/解聘 (a list joined by `、`); the role is what follows
   为, up to the clause's end (`任命王志军为水利部副部长`, `提名…为…人选`), or what stands between
   的 and 职务 (`免去陈立新的国家统计局副局长职务`, `解聘…的…参事职务`);
   `X同志任Y`, `X（同志）不再担任Y职务` name the person first. The role is reported whole, as
   written; each piece must end with a title, so 任命书, 任命制 and 免去…处罚 give no one.
6. `roles-in-brackets`: a name in a list, then its roles in brackets (`出席的有：李文斌（省发展改革委
   主任）、陈海燕（省国资委主任）`); every piece in the brackets must end with a title, after the
   sex if given (`（女，某局局长）`), and the item's name is read as after a title (`才让东智`).
7. `described`: a word for a person with no office (`lexicons.PERSON_NOUNS`: 老党员, 村民, 志愿者),
   then the name, as after a title (`来到老党员刘德厚家中`); it gives no role, but a student
   (`2020级本科生`, `lexicons.NOUNS_GIVING_ROLE`) or an occupation, the segmenter's noun of three
   characters or more that ends with 员 (`分公司收费员`), is the role, with the pieces before it.
8. `contact`: a notice's contact line, the name after 联系人： and maybe a unit and a space, before
   a separator, a space or the number (`联系人：厅办公室 张三，电话：…`); it gives no role.
9. `colon-list`: bare names after 有： or 包括：, joined by `、` to the clause's end, maybe with 等
   (`就座的还有：张三、李四等`): all of them names, none a known place, two at least.
10. `profile`: a notice's profile line, the name opening it before `，男，` or `，女，` (of any
   first character that stands as a word: 者永红); the roles follow 现任 (`现任某县县长`).
Every later occurrence of a found name is a mention (`repeat`); a part of one dotted name found
alone (`哈里森州长` after `约翰·哈里森`) is that person. Never a name: a title
(`组长`), a redaction (`**`), a word from `not_names.txt` (`马克思主义`, `党员`), anything
that ends like an organization or a place (…委, …局, …省).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, lru_cache

from service import resources
from service.lexicons import (
    APPOINT_VERBS,
    APPOINTED_VERBS,
    COMRADE,
    NOUNS_GIVING_ROLE,
    REMOVAL_VERBS,
    SPEECH_VERBS,
    Lexicons,
    trie_pattern,
    words,
)
from service.pipeline.article import Article, Evidence, Options, Person, Token, evolve
from service.pipeline.entities import lexicon_names, word_at, word_starting_at

# Han characters a name may hold: the basic block, Extension A (邓䶮: 䶮 is U+4DAE), the
# compatibility block and the supplementary planes' Extensions B on (rare given names)
_CJK = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f"
_FOLLOWERS = re.compile(  # what may follow a name: a verb of the report, 同志, a separator
    trie_pattern(
        [
            *words(
                "同志 指出 强调 表示 要求 认为 说 讲 讲话 致辞 主持 出席 参加 陪同 会见 会谈 看望 慰问 调研 考察 视察 "
                "检查 督导 作 做 在 到 赴 来 于 就 对 向 与 和 及 等 一行 率 带队 一同 分别 代表 宣读 通报 传达 部署 "
                "介绍 汇报 听取 发表 提出 回答 签署 为 以 是 的 也 还 同时 先后 深入 来到 前往 指导 宣布 授予 颁发 "
                "发言 所作 带领 作出 当选 任 兼 担任 被 获 荣获 主讲 称 希望 通过 同 共同 参观 列席 莅临 "
                # a guest, a study session's reader, a host's address: 副局长其木格应邀出席, 部长石国庆领学了,
                # 市长张三致欢迎辞 (致 alone would end 王一致 at 王一)
                "应邀 领学 致欢迎辞 致欢迎词 致开幕词 致闭幕词 致贺词 致贺信 "
                # the verbs of a disciplinary report: 局长贺立群违规收受, 聂文华受到警告处分, and a
                # case's title: 局长赵某某严重违纪违法案
                "违规 违反 违纪 违法 收受 受到 涉嫌 擅自 利用 严重 "
                # a subject's adverb and what it goes on with: 教师刘某则报名, 院长张某关于…的汇报,
                # 老党员王某带着
                "则 关于 带着 "
                # a reporter's byline and a photo credit: 记者张晓峰报道, 新华社记者王芳摄
                "报道 摄 "
                # a guest's honorific (主席约翰·史密斯先生), 一行 of a delegation, the time of what
                # one will do or did (外交部长哈维尔·马丁内斯将于, 顾问延斯·普洛特纳日前表示), and
                # the verbs of a meeting (理事长王海英交流)
                "先生 女士 阁下 博士 将 日前 近日 交流 座谈 交谈 握手 "
                # a visit to someone's home: 来到老党员刘德厚家中
                "家中 家里 "
                "、 ， 。 ； ： ！ ？ （ ( “ ” , ; :"
            ),
            "\n",
        ]
    )
    + r"|[0-9０-９]{1,2}[月日]"  # 国务院总理周恒远7月26日主持召开: a date after the name
)
# a name opening a clause, then a verb of speech: `(?:^|(?<=[。！？；\n，：]))` + _SPEAKER, found by
# `speakers`, which tries it only after the clause marks a speech verb follows closely
_CLAUSE_MARK = re.compile("[。！？；\n，：]")
_SPEAKER = re.compile(rf"(?P<name>[{_CJK}]{{2,4}}?)(?:在[^，。；\n]{{0,12}}?)?(?:{'|'.join(SPEECH_VERBS)})")
# From the clause mark to its speaker's verb: the name (2 to 4 characters) straight after the mark,
# then the verb, or 在 and up to 12 characters before it (1 + 4 + 1 + 12).
_SPEECH_VERB_NEAREST, _SPEECH_VERB_FARTHEST = 3, 18
_CLASSMATE = "同学"
# 联系人：张三，电话…, 联系人：厅办公室 牟晓燕，…: after the colon, a unit and a space may stand
# before the name; the name ends at a separator, a space, a bracket, a number or 电话.
_CONTACT_END = r"(?=[，,；;、 \u3000\n（(0-9０-９]|电话|手机|$)"
_CONTACT = re.compile(rf"[:：][ \u3000]*(?:[{_CJK}（）]{{2,20}}[ \u3000]+)?(?P<name>[{_CJK}]{{2,4}}){_CONTACT_END}")
_CONTACT_MORE = re.compile(rf"、(?P<name>[{_CJK}]{{2,4}}){_CONTACT_END}")
# 任命王志军为…, 提名…为…人选, 免去陈立新的…职务: the names follow the verb
_APPOINT = re.compile(f"(?P<verb>{'|'.join(APPOINT_VERBS)})")
# 张三同志任…, 张三（同志）不再担任…职务: the name comes first
_APPOINTED = re.compile(f"(?P<verb>{'|'.join(APPOINTED_VERBS)})")
_APPOINTED_ROLE_END = re.compile("[。；，！？：（(\n]")
_NOMINEE = re.compile("(?:人选|候选人)$")
_TAKES_ON = "担任"  # 副院长张三担任审判长: a named person's further role, to the clause's end
# 省领导张三、李四: a leader of the body named before 领导; the list after it are people.
_LEADERS = re.compile(rf"(?:自治区|自治州|兵团|省|市|县|区|州|盟|旗|乡|镇|部|委|局|厅|署|办|校|院)领导(?=[{_CJK}])")
_LEADERS_REACH = 3  # 自治区领导: the longest body before 领导
# 买买提江·吾斯曼: a transliterated name, its parts joined by a middle dot.
_ALL_CJK = re.compile(f"[{_CJK}]+")
_NAME_DOTS = "·•・‧∙"
_NAME_DOT = re.compile(f"[{_NAME_DOTS}]")
_DOT_NAME_HEAD = re.compile(rf"[{_CJK}]{{1,7}}[{_NAME_DOTS}]")
# A name of five to seven characters (阿不都热依木) only after a title and before a separator or a
# verb of attendance; these characters never stand in one.
_ATTENDANCE = "出席|主持|讲话|参加|陪同|列席|致辞|应邀"
# an honorific or a delegation's 一行 ends a dotted name before any other follower does:
# 汉斯·穆勒一行 (一 then 行 would end 汉斯·穆勒一行 at the stop), 约翰·史密斯先生，
_HONORIFICS = "先生|女士|阁下|博士|一行"
_LONG_NAME_FOLLOWER = re.compile(rf"[、，。；\n]|{_ATTENDANCE}|{_HONORIFICS}")
# a long name that opens with a name's part (那仁满都拉) ends before these, 同志 and 等 too
_PART_LED_NAME_FOLLOWER = re.compile(rf"[、，。；\n]|同志|等|{_ATTENDANCE}")
# A name of three or four characters with no surname (其木格, a Mongolian name) only after a title
# and before a verb of attendance, never a separator: 副市长分管工作、 holds no name.
_UNSURNAMED_FOLLOWER = re.compile(_ATTENDANCE)
# the first characters of those verbs: most titles are followed by none three or four characters on
_ATTENDANCE_HEADS = frozenset(verb[0] for verb in _ATTENDANCE.split("|"))
_NOT_IN_LONG_NAME = frozenset(
    "的了是在上下中和与及对为要等各全部省市县区乡镇村委会议局厅党政府国家同志领导工作长员组织年月日号"
    "出席参加主持讲话指强调表示求将把被从向以于也就还又并而且这那其此该有无没"
)
# 其 opens Mongolian names (其木格, 其其格); in a long name before a separator it is 其中 or 其他,
# but no such word of three or four characters stands before a verb of attendance.
_NOT_IN_SHORT_NAME = _NOT_IN_LONG_NAME - {"其"}
_WEAK_FOLLOWERS = frozenset("和与及同在于为以是也还则对向就到来讲说的作做任兼被获称率赴")
# 万家和通报了: a verb of report straight after a weak follower, where no conjunction or
# preposition can stand (和 joins nouns), makes the weak follower the name's last character.
_REPORT_VERB = re.compile("通报|宣读|传达|汇报|介绍|指出|强调|表示")
_NAME_SEPARATOR = "、，。；：\n"
_QUOTES = {"”": 1, "“": -1, "」": 1, "「": -1, "》": 1, "《": -1}
_CLAUSE_END = "。！？；：\n"
# a name in a byline, after the title, a space or 、: it ends at the bracket, a space or 、
_BYLINE_PIECE = re.compile(r"(?:、|[ \u3000]*)(?P<name>[^）)\s、，。；：（(]{2,16})(?=[）) \u3000、])")
_BYLINE_BRACKET_CLOSE = ("）", ")")
_REPORTER_TITLES = ("记者", "通讯员")
_SPACES = frozenset(" \u3000")
_PIECE_END = "、，,"
# what `_piece_start` stops at: a separator, or a quote whose depth it must then count
_PIECE_MARK = re.compile(f"[{re.escape(_CLAUSE_END + _PIECE_END + ''.join(_QUOTES))}]")
_JOINERS = re.compile("[和与及]")  # a role piece holds a name found before only with one of these
_NAME_LENGTHS = (2, 3, 4)  # the lengths of a name a joiner may follow (陆志远与)
# what a role never holds: a verb that leads to it, 了 after one (听取和讨论了市委书记张三的报告,
# 剖析了原局长李四), or a bracket opened before it and not closed (电（记者张三、李四）); a speech's
# address or thanks (尊敬的…副部长, 我要感谢…主席, 还记得老校长), 有 of a list but not of 有限公司;
# or a conjunction that opens the piece (，与审判员张三: the role is 审判员)
_ROLE_LEAD = re.compile(
    r".*(?:由|邀请|陪同|会见|看望|出席|参加|主持|听取|以及|其中|包括|有(?!限)|了|尊敬的|感谢|欢迎|祝贺|记得"
    r"|（(?=[^）]*$)|\((?=[^)]*$))|[与及]"
)
_ORG_OR_PLACE_END = set("委部局厅署办院处室组会府省市县区州镇乡村社司所站队团")
_NOT_AFTER_NAME = frozenset(words("代表 委员 成员 教授 研究员 发言人 专员 督学 法官 检察官 院士 首席"))
# 清华大学教授: a scholar's title after a body names no one there, but after a body and a name it
# is that name's (合肥工业大学司马静教授团队): so these follow a name only where a body (the
# segmenter's `nt` word, or a known organization) ends right before it.
_AFTER_BODY_AND_NAME = frozenset(words("教授 研究员 院士"))
_BODY_TAG = "nt"
_PLACE_TAG = "ns"
_NAME_TAGS = ("nr", "nrfg", "nrt")
_GIVEN_NAME_TAGS = (*_NAME_TAGS, "ns")
_VERB_OR_ADVERB_TAGS = ("v", "d", "ad")  # v, vn, vd, vi: 解读, 详细, 认真
_BOUNDARY_BEFORE = set("以的和与及由请在对向为是把被将同跟给让从经有了据称")
_MAX_ROLE = 60
# 就座的还有：张三、李四等。, 出席会议的有：…, 包括：…: a list of names after a colon
_COLON_LIST_LEADS = ("有", "包括")  # before the colon
_COLON_LIST_END = re.compile("[。；，\n：]")
_COLON_LIST_TAIL = re.compile("(?:等)?(?:同志)?$")
_MAX_COLON_LIST = 100  # some twenty names
# 张三，男，…，现任…: a profile line of a notice; the line may open with its number (1.张三)
_SEXES = ("男", "女")  # between two commas: ，男，
_PROFILE_SEX_LENGTH = 3
_ORDINAL = re.compile(r"(?:[0-9０-９]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)?[ \u3000]*")
_CURRENT_POST = "现任"
_OCCUPATION_END = "员"  # 收费员, 驾驶员, 讲解员: a word for what a person does, a role before a name
# Brackets after a name hold its roles (李文斌（省发展改革委主任）) where the name opens a list
# item: the character before it is one of these, or the text starts there.
_LIST_ITEM_BEFORE = "、，：:；\n"
_LIST_ITEM_MARKS = frozenset(_LIST_ITEM_BEFORE)
# the roles may follow the sex (王秀兰（女，某区民政局局长）), which is no role
_BRACKETED = re.compile(r"（(?:[男女][，,、])?(?P<inside>[^）)（(。；：，\n]{2,60})[）)]")


def extract_people(article: Article, options: Options) -> Article:
    people = find_people(article.simplified, article.tokens, resources.get().lexicons, written=article.text)
    return evolve(article, metadata=evolve(article.metadata, people=people))


def find_people(
    text: str, tokens: tuple[Token, ...], lex: Lexicons, *, written: str | None = None
) -> tuple[Person, ...]:
    """People in `text` (the Simplified copy); names and roles are reported as `written` has them
    (the same text in its own script, same offsets)."""
    finder = _Finder(text, tokens, lex, written)
    finder.title_before()
    finder.title_after()
    finder.comrade()
    finder.speaker()
    finder.appointment()
    finder.roles_in_brackets()
    finder.described()
    finder.contacts()
    finder.colon_lists()
    finder.profiles()
    return finder.people()


def _leaders(text: str, leaders: list[int]) -> Iterator[re.Match[str]]:
    """`_LEADERS.finditer(text)`, with `re` set going only at a 领导 (`leaders`: where each
    starts, in order), where the pattern's class of 20 body characters made it stop at every 省, 市
    and 部 (7 -> 1 µs a seed). Every match ends with 领导 and starts at most `_LEADERS_REACH`
    characters before it, so each 领导 is searched for apart, from the last match's end as finditer
    goes on, up to the character after it, which the look-ahead reads."""
    last_end = 0
    for at in leaders:
        match = _LEADERS.search(text, max(last_end, at - _LEADERS_REACH), at + 3)
        if match is not None:
            yield match
            last_end = match.end()


def speakers(text: str, verbs: list[int]) -> Iterator[re.Match[str]]:
    """The matches of `_SPEAKER` at the start of the text or of a clause (after one of
    `_CLAUSE_MARK`), as `finditer` of the look-behind pattern gives them, given where the speech
    verbs start (`Names.speech_verbs`, in order).

    A match after the mark at `m` ends on a verb that starts `_SPEECH_VERB_NEAREST` to
    `_SPEECH_VERB_FARTHEST` characters after `m`, so only the marks in those windows before a verb
    are tried (some 15 of an article's 120: 19 -> 9 µs a seed), in text order, each from past the
    last match, as finditer goes on."""
    first = _SPEAKER.match(text)
    if first is not None:
        yield first
    position = first.end() if first is not None else 0  # no mark before it is tried again
    next_mark, speaker_at = _CLAUSE_MARK.search, _SPEAKER.match
    for verb in verbs:
        # the marks this verb may end a match for, from `position` (the earlier ones were tried)
        lowest, highest = max(position, verb - _SPEECH_VERB_FARTHEST), verb - _SPEECH_VERB_NEAREST + 1
        while lowest < highest and (mark := next_mark(text, lowest, highest)) is not None:
            lowest = mark.end()
            match = speaker_at(text, lowest)
            if match is not None:
                yield match
                lowest = position = match.end()
        position = max(position, highest)


class _Finder:
    def __init__(self, text: str, tokens: tuple[Token, ...], lex: Lexicons, written: str | None = None) -> None:
        self.text = text
        self.written = written if written is not None and len(written) == len(text) else text
        self.lex = lex
        self.tokens = tokens  # in text order; asked about a few dozen positions, by `_token_at`
        self.roles: dict[str, dict[str, None]] = {}
        self.mentions: dict[str, dict[int, Evidence]] = {}
        self.name_ends: list[int] = []  # where each name found ends: a role stops at one
        self.found: dict[str, None] = {}  # each name found, as the Simplified text has it
        self.title_lengths = _title_lengths(lex)
        # most texts hold no middle dot, and then no dotted name (买买提江·吾斯曼) is tried
        self.has_dots = any(dot in text for dot in _NAME_DOTS)
        # the lexicons' one pass over the text, which organizations and places are given again
        self.names = lexicon_names(text, lex)
        # (start, end) of every role title, read by title_before and title_after
        self.titles = self.names.titles

    # 1. a role title, then the name
    def title_before(self) -> None:
        text = self.text
        for title_start, title_end in self.titles:
            # 主席台上: a title that ends inside a word (主席台) heads no name, but for a place word
            # its last character opens (常务副县长安书海 read 常务副|县|长安|书海). Asked only before a
            # Han character: a third of the titles stand before a separator (省长、, 书记，)
            following = text[title_end : title_end + 1]
            if ("\u4e00" <= following <= "\u9fff" or _is_rare_han(following)) and self._inside_word(title_end):
                end = self._name_across_place(title_start, title_end)
                if end is not None:
                    self._list_after(title_end, end, self._roles_before(title_end), "title-before")
                continue
            start = title_end
            end = self._name_after(start)
            if end is not None:
                self._list_after(start, end, self._roles_before(title_end), "title-before")
                continue
            # a byline's name follows a space, or a reporter's title straight on (asked here: a
            # call for each of the titles that head no name cost 3 µs a seed)
            if text[title_end : title_end + 1] not in _SPACES and not text.endswith(
                _REPORTER_TITLES, title_start, title_end
            ):
                continue
            names = self._byline_names(title_end)
            if names:
                # a byline's role starts after its bracket or the space before it: （记者 张三 通讯员 李四）
                roles = [re.split(r"[（( \u3000]", role)[-1] for role in self._roles_before(title_end)]
                for name_start, name_end in names:
                    self._add(text[name_start:name_end], name_start, "title-before", roles)
        for match in _leaders(text, self.names.leaders):  # 市领导张三、李四同志: people, with no title of their own
            if self._inside_word(match.end()):
                continue  # 高校领导班子: 校领导 ends inside the word 领导班子, so no name follows it
            end = self._name_after(match.end())
            if end is not None:
                self._list_after(match.end(), end, [self.written[match.start() : match.end()]], "leaders")

    def _list_after(self, start: int, end: int, roles: list[str], rule: str) -> None:
        text = self.text
        if text.startswith(_TAKES_ON, end):  # 副院长钟卫平担任审判长: the office taken on too
            roles = [*roles, *(self._appointed_roles(end + len(_TAKES_ON), office=False) or [])]
        self._add(text[start:end], start, rule, roles)
        while text.startswith("、", end):  # 副省长张三、李四出席: a list shares the title
            nxt = self._name_after(end + 1)
            if nxt is None and roles and roles[-1].endswith(_REPORTER_TITLES):
                nxt = self._byline_name_closing(end + 1)  # （记者张三、李四）
            if nxt is None:
                break
            self._add(text[end + 1 : nxt], end + 1, f"{rule}-list", roles)
            end = nxt

    def _byline_name_closing(self, pos: int) -> int | None:
        """Where a reporter's name at `pos` ends at a byline's closing bracket, which no follower
        lists (组长单位） holds no name): the last of （记者张三、李四）."""
        piece = _BYLINE_PIECE.match(self.text, pos)
        if piece is None or piece.start("name") != pos:
            return None
        end = piece.end("name")
        closes = self.text.startswith(_BYLINE_BRACKET_CLOSE, end)
        return end if closes and self._is_byline_name(self.text[pos:end]) else None

    def _byline_names(self, pos: int) -> list[tuple[int, int]]:
        """The names after a title at `pos` that no follower ends: a news byline in brackets, or a
        speech's byline line. (start, end) of each; none when it is neither."""
        in_brackets = self._bracketed_byline(pos)
        if in_brackets:
            return in_brackets
        if not self.text.startswith((" ", "\u3000"), pos):
            return []
        end = self._byline_line_name(pos + 1)
        return [(pos + 1, end)] if end is not None else []

    def _bracketed_byline(self, pos: int) -> list[tuple[int, int]]:
        """本报讯（记者 张晓峰）, （记者邹思远）, （记者 古丽米热·阿不力孜 刘晓峰）: in a bracket that
        holds only titles before `pos`, the names after the title, each ended by the bracket or a
        space; a piece that ends with a title (通讯员) ends the list, as its own title heads the rest."""
        text = self.text
        spaced = text.startswith((" ", "\u3000"), pos)
        if not spaced and not text.endswith(_REPORTER_TITLES, 0, pos):
            return []  # （组长单位）: only a reporter's name follows the title with no space
        opened = max(text.rfind("（", max(0, pos - _MAX_ROLE), pos), text.rfind("(", max(0, pos - _MAX_ROLE), pos))
        inside = text[opened + 1 : pos] if opened != -1 else ""
        if not inside or any(mark in inside for mark in "）)，。；：\n") or not self._ends_with_title(inside):
            return []
        names: list[tuple[int, int]] = []
        at = pos
        while (piece := _BYLINE_PIECE.match(text, at)) is not None:
            start, end = piece.start("name"), piece.end("name")
            if not self._is_byline_name(text[start:end]):
                break
            names.append((start, end))
            if text.startswith(_BYLINE_BRACKET_CLOSE, end):
                break
            at = end
        return names

    def _is_byline_name(self, candidate: str) -> bool:
        """A name in a byline: one of two to four characters, or a dotted one (古丽米热·阿不力孜)."""
        dot = _NAME_DOT.search(candidate)
        if dot is None:
            return self._is_name(candidate, strong=True)
        head, rest = candidate[: dot.start()], candidate[dot.end() :]
        return self._is_long_name(head, shortest=1) and self._is_long_name(rest, shortest=2)

    def _byline_line_name(self, pos: int) -> int | None:
        """成都市委书记 王文龙: a title, one space, a name that ends its line (a speech's byline)."""
        text = self.text
        end = self._name_after(pos)
        if end is None:
            return None
        line_start = text.rfind("\n", 0, pos) + 1
        if not (end == len(text) or text[end] == "\n"):
            return None
        return None if any(mark in text[line_start:pos] for mark in "，。；：") else end

    # 2. the name, then a title
    def title_after(self) -> None:
        text = self.text
        for title_start, title_end in self.titles:
            title = text[title_start:title_end]
            if title in _NOT_AFTER_NAME and title not in _AFTER_BODY_AND_NAME:
                continue
            start = self._name_before(title_start)  # asked first: most titles follow no name
            if start is None:
                continue
            if title in _AFTER_BODY_AND_NAME and not self._after_body(start):
                continue
            if (start, title_start) in self.names.places:
                continue  # 驻成都特派员办事处: a place before a title is where the office is, no one
            word = self._token_at(title_start)
            if word is not None and word.end > title_end:
                continue  # 李希在主席台: a title must stand as a word, not head 主席台, 部长级, 书记处
            self._add(text[start:title_start], start, "title-after", [self.written[title_start:title_end]])

    def _after_body(self, start: int) -> bool:
        """Whether a body ends at `start` and a word starts there: the segmenter's `nt` word
        (合肥工业大学) or a known organization."""
        if not self.tokens or self._token_at(start) is None:
            return False
        before = self.tokens[word_at(self.tokens, start - 1)]
        if before.end == start and before.tag == _BODY_TAG:
            return True
        return any(end == start for _, end in self.names.organizations)

    # 3. X同志: the name is X
    def comrade(self) -> None:
        for at in self.names.comrades:  # where the lexicons' pass found 同志
            start = self._name_before(at)
            if start is not None and not self._ends_longer_name(start, at):
                self._add(self.text[start:at], start, "comrade", self._comrade_role(at + len(COMRADE)))
        # 支教团的李晓阳同学放弃…: a student as a comrade (not 同学们, and not a word of the
        # segmenter: 高中同学, 大学同学). 同学 is one of the lexicons' words for a person, found in
        # their one pass (`str.find` over the whole text cost 1.4 µs a seed)
        text = self.text
        for at, noun_end in self.names.person_nouns:
            if (
                noun_end - at != len(_CLASSMATE)
                or not text.startswith(_CLASSMATE, at)
                or text[noun_end : noun_end + 1] == "们"
            ):
                continue
            start = self._name_before(at)
            if start is not None and not self._holds_a_word(start, at):
                self._add(text[start:at], start, "comrade", [])

    def _ends_longer_name(self, start: int, end: int) -> bool:
        """Whether a name found before starts before `start` and ends at `end`: 满都拉同志 is the
        end of 那仁满都拉 found after its title, no name of its own."""
        if end not in self.name_ends:
            return False
        return any(m.start < start and m.end == end for mentions in self.mentions.values() for m in mentions.values())

    def _comrade_role(self, pos: int) -> list[str]:
        """以张三同志为总书记的党中央: a title between 为 and 的, after 同志 at `pos`, is the
        comrade's role (以张三同志为核心的 gives none: 核心 is no title)."""
        if not self.text.startswith("为", pos):
            return []
        i = bisect_left(self.titles, (pos + 1,))
        if i < len(self.titles) and self.titles[i][0] == pos + 1 and self.text.startswith("的", self.titles[i][1]):
            return [self.written[pos + 1 : self.titles[i][1]]]
        return []

    # 4. a name opening a clause, before 指出/强调/…
    def speaker(self) -> None:
        for match in speakers(self.text, self.names.speech_verbs):
            name = match["name"]
            if self._is_name(name, strong=False):
                self._add(name, match.start("name"), "speaker", [])

    # 5. an appointment or removal: 任命X为Y, 提名X为Y人选, 免去X的Y职务, X同志任Y, X不再担任Y职务
    def appointment(self) -> None:
        text = self.text
        # Most articles hold no notice, and the lexicons' one pass says so (where the regexes stop
        # at every 任, 提, 免, 同 and 不, and even `str.find` took 8 µs a seed to rule them out)
        verbs = {text[start:end] for start, end in self.names.notice_verbs}
        if not verbs.isdisjoint(APPOINT_VERBS):
            self._appoint(text)
        if not verbs.isdisjoint(APPOINTED_VERBS):
            self._appointed(text)

    # 6. a list item's name, then its roles in brackets: 李文斌（省发展改革委主任）、…
    def roles_in_brackets(self) -> None:
        text = self.text
        bracket = text.find("（")
        while bracket != -1:
            match = self._bracketed_after_list_item(bracket)
            bracket = text.find("（", bracket + 1)
            if match is None:
                continue
            pieces = match["inside"].split("、")
            if not all(piece and self._ends_with_title(piece) for piece in pieces):
                continue  # most brackets hold no title: （扩大）, （2024年）
            start = self._list_item_name(match.start())
            if start is None:
                continue
            roles, at = [], match.start("inside")
            for piece in pieces:
                roles.append(self.written[at : at + len(piece)])
                at += len(piece) + 1
            self._add(text[start : match.start()], start, "roles-in-brackets", roles)

    # 7. a word for a person with no office, then the name: 看望老党员刘德厚, 村民李桂兰说; an
    # occupation (收费员) or a student's year (2020级本科生) is the role the text gives
    def described(self) -> None:
        text, surnames = self.text, self.lex.surnames
        nouns = self.names.person_nouns
        ends = {end for _, end in nouns}  # 消防队员: a word for a person (队员) gives no role
        occupations = [(None, end) for end in self._occupations() if end not in ends]
        for noun_start, noun_end in (*nouns, *occupations):
            if (
                text[noun_end : noun_end + 1] not in surnames
                and text[noun_end : noun_end + 2] not in self.lex.compound_surnames
            ):
                continue  # 群众反映, 群众的: most often no name follows, and the first character says so
            if self._inside_word(noun_end):
                continue  # 群众路线, 职工食堂: the noun heads a longer word, not a name
            end = self._described_name_after(noun_end)
            if end is None:
                continue
            # an occupation (no start given) or a student is the role
            gives_role = noun_start is None or text[noun_start:noun_end] in NOUNS_GIVING_ROLE
            roles = self._roles_before(noun_end, untitled_nearest=True) if gives_role else []
            while end is not None:  # 慰问困难群众王秀英、张德福: a list of them
                self._add(self.text[noun_end:end], noun_end, "described", roles)
                if not self.text.startswith("、", end):
                    break
                noun_end = end + 1
                end = self._described_name_after(noun_end)

    def _occupations(self) -> Iterator[int]:
        """收费员, 预报员, 讲解员: where each of the segmenter's nouns of three characters or more that
        end with 员 ends, if a name may start there (found at each 员 by `str.find`; most are 人员,
        党员, 委员, words of two characters). Not the role titles (研究员, 通讯员: title_before reads
        those)."""
        tokens = self.tokens
        if not tokens:
            return
        for match in _occupation_ends(self.lex).finditer(self.text):
            end = match.end()
            token = tokens[word_at(tokens, end - 1)]
            if (
                token.end == end
                and token.end - token.start >= 3
                and token.tag.startswith("n")
                and token.word not in self.lex.role_titles
            ):
                yield end

    def _described_name_after(self, pos: int) -> int | None:
        """A name after a word for a person: a plain one (`_plain_name_after`), a dotted one, or one
        before a verb word of the segmenter (退休教师王某某带队, no follower listed)."""
        end = self._plain_name_after(pos)
        if end is None and self.has_dots:
            end = self._dotted_name_after(pos)
        if end is None:
            end = self._name_before_verb_word(pos, plain=True)
        return end

    # 8. a notice's contact line: 联系人：厅办公室 牟晓燕，电话：…
    def contacts(self) -> None:
        text = self.text
        # 联系人 is one of the lexicons' words for a person (found in their one pass), where
        # `str.find` over the whole text cost 1.6 µs a seed
        for at, noun_end in self.names.person_nouns:
            if noun_end - at != 3 or text[at:noun_end] != "联系人":
                continue
            line = _CONTACT.match(text, noun_end)
            if line is None:
                continue
            start, end = line.start("name"), line.end("name")
            while self._is_name(text[start:end], strong=False):
                self._add(text[start:end], start, "contact", [])
                more = _CONTACT_MORE.match(text, end)  # 联系人：张三、李四
                if more is None:
                    break
                start, end = more.start("name"), more.end("name")

    # 9. a list of bare names after a colon: 在主席台就座的还有：张三、李四、王五等。
    def colon_lists(self) -> None:
        text = self.text
        # each colon is found, then what stands before it read: `str.find` of a one-character
        # needle is some 15 times faster than of 有： or 包括： (1.3 µs a seed each)
        at = text.find("：")
        while at != -1:
            if text.endswith(_COLON_LIST_LEADS, 0, at):
                self._colon_list(at + 1)
            at = text.find("：", at + 1)

    def _colon_list(self, start: int) -> None:
        """The names of a list from `start` to the clause's end, joined by 、, the last maybe with
        等 or 同志 after it: every item must be a name (of a known surname) and none a known place
        (还有：张家港、常熟、昆山 names towns), and there must be two at least."""
        text = self.text
        stop = _COLON_LIST_END.search(text, start, start + _MAX_COLON_LIST)
        if stop is None:
            return
        items = text[start : stop.start()].split("、")
        items[-1] = _COLON_LIST_TAIL.sub("", items[-1])
        if len(items) < 2 or not all(self._is_name(item, strong=False) for item in items):
            return
        spans, at = [], start
        for item in items:
            spans.append((at, at + len(item)))
            at += len(item) + 1
        if not set(spans).isdisjoint(self.names.places):
            return
        for (item_start, _), item in zip(spans, items, strict=True):
            self._add(item, item_start, "colon-list", [])

    # 10. a profile line of a notice (任前公示): 张三，男，汉族，1975.03生，…，现任某县县长，拟任…
    def profiles(self) -> None:
        text = self.text
        for sex in _SEXES:  # found alone, then the commas around it read (as colon_lists does)
            at = text.find(sex, 1)
            while at != -1:
                if text[at - 1] == "，" and text[at + 1 : at + 2] == "，":
                    self._profile(at - 1)
                at = text.find(sex, at + 1)

    def _profile(self, at: int) -> None:
        """The name that opens the line up to `at` (maybe after a number: 1.张三), then ，男，: a
        person, of any first character (者永红: 者 is a surname only here); the roles are what
        follows 现任 on the line, up to the clause's end, split on 、."""
        text = self.text
        if text[at + _PROFILE_SEX_LENGTH : at + _PROFILE_SEX_LENGTH + 1] in _SEXES:
            return  # 不限，男，女均可: both sexes named, no one's profile
        line_start = text.rfind("\n", 0, at) + 1
        start = _ORDINAL.match(text, line_start).end()
        name = text[start:at]
        if not (self._is_name(name, strong=True) or (self._is_unsurnamed_name(name) and self._stands_alone(start))):
            return  # 报名者，男，: a word, not a name
        roles = []
        line_end = text.find("\n", at)
        current = text.find(_CURRENT_POST, at, line_end if line_end != -1 else len(text))
        if current != -1:
            roles = self._appointed_roles(current + len(_CURRENT_POST), office=False) or []
        self._add(name, start, "profile", roles)

    def _stands_alone(self, pos: int) -> bool:
        """Whether the character at `pos` is a word of the segmenter on its own, as a surname
        before its given name is (者/建华; 报名者 is one word)."""
        token = self._token_at(pos)
        return token is not None and token.end == pos + 1

    def _is_unsurnamed_name(self, candidate: str) -> bool:
        """A name of two or three characters of no known surname: none of them one of a sentence or
        a title, no word to leave out, not ending like a body or a place."""
        return (
            2 <= len(candidate) <= 3
            and bool(_ALL_CJK.fullmatch(candidate))
            and _NOT_IN_SHORT_NAME.isdisjoint(candidate)
            and candidate[-1] not in _ORG_OR_PLACE_END
            and not {candidate, candidate[:2], candidate[-2:]} & self.lex.not_names
            and not self.lex.role_title_re.search(candidate)
        )

    def _plain_name_after(self, pos: int) -> int | None:
        """A name of two or three characters at `pos`, then a follower, where no title vouches for
        it: so none of the segmenter's words of two characters or more may stand in it, other than
        a name (群众关注, 居民住得更安心, 职工权益 are no names; 刘德厚 is cut 刘/德/厚)."""
        text = self.text
        for length in (2, 3):
            rest = pos + length
            if rest > len(text):
                return None
            if (
                (rest == len(text) or _FOLLOWERS.match(text, rest))
                and self._is_name(text[pos:rest], strong=False)
                and not self._holds_a_word(pos, rest)
            ):
                return rest
        return None

    def _holds_a_word(self, start: int, end: int) -> bool:
        """Whether a word of the segmenter of two characters or more, not tagged a name, overlaps
        `start`..`end`. A given name is often tagged a place (李/桂兰, 张/德福), so `ns` passes too,
        and so does any word that is the whole given name after a surname tagged a name (梁/咏梅)."""
        tokens = self.tokens
        i = word_at(tokens, start) if tokens else 0
        first = tokens[i] if tokens else None
        surname_alone = first is not None and first.start == start == first.end - 1 and first.tag in _NAME_TAGS
        while i < len(tokens) and tokens[i].start < end:
            token = tokens[i]
            given_name = surname_alone and token.start == start + 1 and token.end == end
            if token.end - token.start >= 2 and token.tag not in _GIVEN_NAME_TAGS and not given_name:
                return True
            i += 1
        return False

    def _list_item_name(self, end: int) -> int | None:
        """Where the name of a list item that ends at `end` starts: two to four characters after a
        list mark (or the text's start), a name as after a title, since the roles in brackets vouch
        for it (才让东智, the two parts of a Tibetan name)."""
        text = self.text
        for start in (end - 2, end - 3, end - 4):
            if start >= 0 and (start == 0 or text[start - 1] in _LIST_ITEM_MARKS):
                return start if self._is_name(text[start:end], strong=True) else None
        return None

    def _bracketed_after_list_item(self, bracket: int) -> re.Match[str] | None:
        """The brackets at `bracket`, where a list item (a separator, then 2 to 4 characters) stands
        before them: looked at before the regex and the name, as most brackets follow prose."""
        if bracket > 4 and _LIST_ITEM_MARKS.isdisjoint(self.text[bracket - 5 : bracket - 2]):
            return None
        return _BRACKETED.match(self.text, bracket)

    def _appoint(self, text: str) -> None:
        for match in _APPOINT.finditer(text):
            names, end = self._names_after(match.end())
            if not names:
                continue
            removal = match["verb"] in REMOVAL_VERBS
            marker = "的" if removal else "为"
            if not text.startswith(marker, end):
                continue
            roles = self._appointed_roles(end + 1, office=removal)
            if removal and roles is None:
                continue  # 免去张某的处罚: no 职务, no removal from office
            for name, start in names:
                self._add(name, start, "appointment", roles or [])

    def _appointed(self, text: str) -> None:
        for match in _APPOINTED.finditer(text):
            start = self._name_before(match.start())
            if start is None:
                continue
            office = match["verb"].endswith("不再担任")
            roles = self._appointed_roles(match.end(), office=office)
            if roles:  # 张三任务: 任 must open a role that ends with a title
                self._add(text[start : match.start()], start, "appointment", roles)

    def _names_after(self, pos: int) -> tuple[list[tuple[str, int]], int]:
        """The names from `pos` on, a list joined by `、`, and where the last one ends."""
        names: list[tuple[str, int]] = []
        while True:
            end = self._name_after(pos)
            if end is None:
                return ([], pos) if not names else (names, pos - 1)
            names.append((self.text[pos:end], pos))
            if not self.text.startswith("、", end):
                return names, end
            pos = end + 1

    def _appointed_roles(self, start: int, *, office: bool) -> list[str] | None:
        """The role after 为 (up to the clause's end), or before 职务 when `office`; None when
        there is none. `、` joins roles (水利部副部长、党组成员); 人选 and 候选人 are not the role."""
        text = self.text
        stop = _APPOINTED_ROLE_END.search(text, start, start + _MAX_ROLE)
        end = stop.start() if stop else min(len(text), start + _MAX_ROLE)
        if office:
            end = text.find("职务", start, end)
            if end == -1:
                return None
        roles = []
        at = start
        for piece in text[start:end].split("、"):
            role = _NOMINEE.sub("", piece)
            if role and self._ends_with_title(role):
                roles.append(self.written[at : at + len(role)])
            at += len(piece) + 1
        return roles or None

    def people(self) -> tuple[Person, ...]:
        found = []
        if self.has_dots:
            self._fold_dotted_parts()
        # only a notice names appointees, and most texts hold no notice verb (任命)
        appointees = self._appointees() if self.names.notice_verbs else []
        for name, roles in self.roles.items():
            mentions = self.mentions[name]
            if appointees and _overlaps_appointee(name, mentions, appointees):
                continue  # 提名张红梅为省长: 梅为 before 省长 is no name; the notice names 张红梅
            at = self.written.find(name)
            while at != -1:  # every later bare mention counts too
                if at not in mentions:
                    mentions[at] = Evidence(at, at + len(name), "repeat")
                at = self.written.find(name, at + len(name))
            ordered = tuple(mentions[k] for k in sorted(mentions))
            found.append(Person(name=name, roles=tuple(roles), mentions=ordered))
        found.sort(key=lambda p: p.mentions[0].start)
        return tuple(found)

    def _fold_dotted_parts(self) -> None:
        """约翰·哈里森, then 哈里森州长: a part of a dotted name, found as a name of its own, is that
        person where only one dotted name found has the part; its roles and mentions, and its bare
        mentions outside the whole name's, join the whole name's."""
        owners: dict[str, list[str]] = {}
        for name in self.roles:
            if _NAME_DOT.search(name):
                for part in _NAME_DOT.split(name):
                    owners.setdefault(part, []).append(name)
        written = self.written
        for part, (whole, *others) in owners.items():
            if others or part not in self.roles:
                continue
            self.roles[whole].update(self.roles.pop(part))
            mentions = self.mentions[whole]
            inside = {at + offset for at in _occurrences(written, whole) for offset in range(len(whole))}
            for at, evidence in self.mentions.pop(part).items():
                if at not in inside:
                    mentions[at] = evidence
            for at in _occurrences(written, part):
                if at not in inside and at not in mentions:
                    mentions[at] = Evidence(at, at + len(part), "repeat")

    def _appointees(self) -> list[tuple[str, int, int]]:
        """(name, start, end) of every mention found by a notice (任命X为); most articles have none."""
        return [
            (name, m.start, m.end)
            for name, found in self.mentions.items()
            for m in found.values()
            if m.rule == "appointment"
        ]

    def _add(self, name: str, start: int, rule: str, roles: list[str]) -> None:
        self.name_ends.append(start + len(name))
        self.found[name] = None
        name = self.written[start : start + len(name)]  # as the text writes it (習近平, not 习近平)
        self.roles.setdefault(name, {})
        for role in roles:
            self.roles[name][role] = None
        self.mentions.setdefault(name, {})[start] = Evidence(start, start + len(name), rule)

    def _is_name(self, candidate: str, *, strong: bool) -> bool:
        return _is_name(self.lex, candidate, strong)

    def _ends_with_title(self, piece: str) -> bool:
        """Whether `piece` ends with a role title: its last few characters looked up, where a
        regex of the titles anchored at the end (`(?:titles)$`) tried them at every position."""
        titles = self.lex.role_titles
        # a loop, not any() over a generator, which cost 0.3 µs a call more (some seven calls a seed)
        for length in self.title_lengths:  # noqa: SIM110
            if piece[-length:] in titles:
                return True
        return False

    def _name_after(self, pos: int) -> int | None:
        """Where a name starting at `pos` ends: the shortest that a follower word confirms."""
        text = self.text
        first = text[pos : pos + 1]
        if not ("\u4e00" <= first <= "\u9fff" or _is_rare_han(first)):
            return None  # every name opens with a Han character; a third of the titles stand before a separator
        dotted = self._dotted_name_after(pos) if self.has_dots else None
        if dotted is not None:
            return dotted
        # a name of two to four characters opens with a surname: most titles are followed by no
        # name (组长重要讲话, 省长、), and then its ends need not be tried one by one
        opens_name = (
            text[pos : pos + 1] in self.lex.surnames
            or text[pos : pos + 2] in self.lex.compound_surnames
            or text[pos : pos + 2] in self.lex.name_parts
        )
        for length in (2, 3, 4) if opens_name else ():
            candidate = text[pos : pos + length]
            if len(candidate) < length:
                break
            rest = pos + length
            follower = rest == len(text) or _FOLLOWERS.match(text, rest)
            if follower and self._is_name(candidate, strong=True):
                # 那顺孟和，: a one-character follower (和, 与, 在 …) may be the name's last character
                longer = rest + 1
                if (
                    length < 4
                    and rest < len(text)
                    and text[rest] in _WEAK_FOLLOWERS
                    and (longer == len(text) or text[longer] in _NAME_SEPARATOR or _REPORT_VERB.match(text, longer))
                    and self._is_name(text[pos:longer], strong=True)
                ):
                    return longer
                return rest
        if opens_name and (end := self._name_before_verb_word(pos)) is not None:
            return end
        # 阿不都热依木、: a long minority name, only before a separator (and never opening with a
        # character that no long name holds: most titles are followed by 的, 在, 、 …)
        long_lengths = (5, 6, 7) if self._may_open_long_name(pos) else ()
        for length in long_lengths:
            rest = pos + length
            if (
                rest < len(text)
                and _LONG_NAME_FOLLOWER.match(text, rest)
                and self._is_long_name(text[pos:rest])
                and not self._verb_word_ends_at(rest)
            ):
                return rest
        if text[pos : pos + 2] in self.lex.name_parts and (end := self._part_led_long_name(pos)) is not None:
            return end  # 盟长那仁满都拉同志: a Mongolian name a part opens, of five characters or more
        if (
            not opens_name
            and (text[pos + 3 : pos + 4] in _ATTENDANCE_HEADS or text[pos + 4 : pos + 5] in _ATTENDANCE_HEADS)
            and (end := self._unsurnamed_name_after(pos)) is not None
        ):
            return end  # 其木格应邀出席: looked for only where a verb of attendance may stand
        token = self._name_token_at(pos) if opens_name else None  # a tie-breaker only: the segmenter's tag
        if token is not None:
            end = token.end
            while end - pos < 4 and (token := self._name_token_at(end)) is not None:
                end = token.end
            # 哈维尔·马丁内斯: the segmenter's name before a middle dot is a part of a dotted name
            if self._is_name(text[pos:end], strong=True) and text[end : end + 1] not in _NAME_DOTS:
                return end
        return None

    def _part_led_long_name(self, pos: int) -> int | None:
        """Where a name of five to seven characters after a title ends, that opens with a part of a
        name (`name_parts.txt`: 那仁满都拉, 宝音德力格尔), before a separator, 同志, 等 or a verb of
        attendance. The part may hold a character no other long name does (那 of 那仁); the rest
        holds none, nor a title (盟长巴音朝鲁、 is a name, 副主席乌兰察布市 is not one: 市)."""
        text = self.text
        for length in (5, 6, 7):
            rest = pos + length
            if (
                rest < len(text)
                and _PART_LED_NAME_FOLLOWER.match(text, rest)
                and self._is_long_name(text[pos + 2 : rest], shortest=3)
                and not self._verb_word_ends_at(rest)
            ):
                return rest
        return None

    def _unsurnamed_name_after(self, pos: int) -> int | None:
        """副局长其木格应邀出席: a name of three or four characters that opens with no surname
        (Mongolian, Yi, …), only before a verb of attendance. None of its characters may be one of a
        sentence or a title (`_NOT_IN_SHORT_NAME`), and it must not be a word to leave out."""
        text = self.text
        for length in (3, 4):
            rest = pos + length
            if text[rest : rest + 1] not in _ATTENDANCE_HEADS:
                continue
            candidate = text[pos:rest]
            if (
                _UNSURNAMED_FOLLOWER.match(text, rest)
                and _ALL_CJK.fullmatch(candidate)
                and _NOT_IN_SHORT_NAME.isdisjoint(candidate)
                and candidate[-1] not in _ORG_OR_PLACE_END
                and not {candidate, candidate[:2], candidate[-2:]} & self.lex.not_names
                and not self.lex.role_title_re.search(candidate)
            ):
                return rest
        return None

    def _name_before_verb_word(self, pos: int, *, plain: bool = False) -> int | None:
        """院长孟凡超解读了: a name after a title, then a verb or adverb word of the segmenter that
        no follower lists (解读, 详细). The word must start where the name ends and be two
        characters or more: after 孟凡 stands 超, a one-character word, so the name is 孟凡超.
        A `plain` name (no title vouches for it) holds no word of two characters or more. A name of
        a compound surname is three or four characters (总经理上官明远签订)."""
        compound = self.text[pos : pos + 2] in self.lex.compound_surnames
        for length in (3, 4) if compound else (2, 3):
            if not self._is_name(self.text[pos : pos + length], strong=not plain):
                continue  # asked first: remembered, where the word is looked up among the tokens
            token = self._token_at(pos + length)
            if (
                token is not None
                and token.end - token.start >= 2
                and token.tag.startswith(_VERB_OR_ADVERB_TAGS)
                and not (plain and self._holds_a_word(pos, pos + length))
            ):
                return pos + length
        return None

    def _verb_word_ends_at(self, end: int) -> bool:
        """Whether a verb word of the segmenter of two characters or more ends at `end`: a long
        name does not end with one (代表获奖者发言, 副省长拓晓梅致辞 hold no name of five)."""
        if not self.tokens:
            return False
        token = self.tokens[word_at(self.tokens, end - 1)]
        return token.end == end and token.end - token.start >= 2 and token.tag.startswith("v")

    def _token_at(self, pos: int) -> Token | None:
        """The word that starts at `pos`, if one does. Looked up, not indexed: a finder asks about
        a few dozen positions, where a dict of all ~1,300 words cost 70 µs an article to build."""
        return word_starting_at(self.tokens, pos)

    def _inside_word(self, pos: int) -> bool:
        """Whether `pos` falls inside a word of the segmenter (not a name): a word that starts
        before it and ends after it."""
        if not self.tokens:
            return False
        word = self.tokens[word_at(self.tokens, pos)]
        return word.start < pos < word.end and word.tag not in _NAME_TAGS

    def _name_across_place(self, title_start: int, title_end: int) -> int | None:
        """Where a name after a title ends, where the segmenter read the title's last character and
        the name's surname as a place of two characters (县长|安书海 as 长安, 会长|江某 as 长江).
        The name is of two or three characters before a separator or a verb of attendance, and the
        title opens no place word (湖北省长江流域: 省长 inside 湖北省 is no title)."""
        word = self.tokens[word_at(self.tokens, title_end)]
        if word.start != title_end - 1 or word.end != title_end + 1 or word.tag != _PLACE_TAG:
            return None
        if self.tokens[word_at(self.tokens, title_start)].tag == _PLACE_TAG:
            return None
        end = self._name_after(title_end)
        if end is None or end - title_end > 3 or not _LONG_NAME_FOLLOWER.match(self.text, end):
            return None
        return end

    def _name_token_at(self, pos: int) -> Token | None:
        """The word that starts at `pos` where the segmenter tags it a person's name."""
        token = self._token_at(pos)
        return token if token is not None and token.tag in _NAME_TAGS else None

    def _dotted_name_after(self, pos: int) -> int | None:
        """买买提江·吾斯曼出席: both parts free of title words, ended where a follower confirms."""
        head = _DOT_NAME_HEAD.match(self.text, pos)
        if head is None or not self._is_long_name(self.text[pos : head.end() - 1], shortest=1):
            return None
        ends = []
        for end in range(head.end() + 2, min(head.end() + 9, len(self.text) + 1)):
            if not self._is_long_name(self.text[head.end() : end], shortest=2):
                break
            if end == len(self.text) or _FOLLOWERS.match(self.text, end):
                ends.append(end)
        # 古丽娜尔·买买提出席: a separator or a verb of attendance (出席) before any other follower (提出)
        strong = [end for end in ends if end == len(self.text) or _LONG_NAME_FOLLOWER.match(self.text, end)]
        return (strong or ends or [None])[0]

    def _may_open_long_name(self, pos: int) -> bool:
        """Whether the character at `pos` may start a long name (`_is_long_name`): CJK, and none
        of a sentence's or a title's."""
        first = self.text[pos : pos + 1]
        return ("\u4e00" <= first <= "\u9fff" or _is_rare_han(first)) and first not in _NOT_IN_LONG_NAME

    def _is_long_name(self, candidate: str, *, shortest: int = 5) -> bool:
        """A transliterated name or part: CJK, none of the characters of a sentence or a title."""
        if len(candidate) < shortest or not _ALL_CJK.fullmatch(candidate):
            return False
        if any(char in _NOT_IN_LONG_NAME for char in candidate):
            return False
        return not self.lex.role_title_re.search(candidate)

    def _name_before(self, end: int) -> int | None:
        """Where a name ending at `end` starts: prefer one with a clean left edge."""
        text = self.text
        last = text[end - 1 : end]
        if not ("\u4e00" <= last <= "\u9fff" or _is_rare_han(last)) or last in _ORG_OR_PLACE_END:
            return None  # 省委书记, ，同志: no name ends on a body's or a place's last character, nor off CJK
        # a name opens with a surname: looked up before the whole candidate is judged
        surnames, compound = self.lex.surnames, self.lex.compound_surnames
        valid = [
            start
            for start in (end - 3, end - 2, end - 4)
            if start >= 0
            and (text[start] in surnames or text[start : start + 2] in compound)
            and self._is_name(text[start:end], strong=False)
        ]
        for start in valid:
            if text[end - 1] in _WEAK_FOLLOWERS and text[start : end - 1] in self.roles:
                return None  # 李希在…: 李希 is already named here; 在 follows the name, it is not in it
            if self._clean_left(start):
                return start
        if len(valid) == 1 and not self._inside_word(valid[0]):
            return valid[0]  # 新闻媒体记者: no name with an unclean edge starts inside a word (闻媒体)
        for start in valid:
            if self._name_token_at(start) is not None:
                return start
        return None

    def _clean_left(self, start: int) -> bool:
        if start == 0:
            return True
        before = self.text[start - 1]
        if not ("\u4e00" <= before <= "\u9fff" or _is_rare_han(before)) or before in _BOUNDARY_BEFORE:
            return True
        return self._ends_with_title(self.text[max(0, start - 8) : start])

    def _roles_before(self, title_end: int, *, untitled_nearest: bool = False) -> list[str]:
        """The role pieces before a name, as written, nearest last: 省委副书记、省长 → both. With
        `untitled_nearest`, the nearest piece ends with no title but a word for a person (收费员)."""
        text = self.text
        pieces: list[str] = []
        end = title_end
        while True:
            start, separator = self._piece_start(end)
            piece = text[start:end]
            lead = _ROLE_LEAD.match(piece)
            cut = start + lead.end() if lead else start
            after_name = self._after_found_name(start, end, cut) if _JOINERS.search(piece) else -1
            if after_name != -1:
                # 本科生张三和老生代表、本科生李四: a name found before ends the role where it stands
                lead, cut = True, after_name
            piece = text[cut:end]
            untitled = untitled_nearest and end == title_end
            if not piece or not (untitled or self._ends_with_title(piece)):
                break
            pieces.append(self.written[end - len(piece) : end])
            if lead or separator not in _PIECE_END or start - 1 <= 0:
                break
            end = start - 1
        pieces.reverse()
        return pieces

    def _after_found_name(self, start: int, end: int, cut: int) -> int:
        """Where a role piece from `start` to `end` starts after a person found before who stands
        in it, past the joiner after the name (-1 when no one stands there after `cut`, where a
        lead word ends the piece): 本科生张三和老生代表, 周立群代表市政府与某公司董事长 (names
        found here), 陆志远与合作社理事长 (a later mention, right before the joiner). Asked only of
        a piece with a joiner in it (`_JOINERS`)."""
        text = self.text
        name_end = max((at for at in self.name_ends if start < at < end), default=-1)
        # a later mention stands right before a joiner: looked up there (a search of the piece for
        # every name found cost 2 µs a seed, as 和 stands in many bodies' names)
        for joiner in _JOINERS.finditer(text, max(start, name_end) + 2, end):
            at = joiner.start()
            if any(text[at - length : at] in self.found for length in _NAME_LENGTHS):
                name_end = at
        if name_end <= cut:
            return -1
        joiner = _JOINERS.search(text, name_end, end)
        return joiner.end() if joiner is not None else name_end

    def _piece_start(self, end: int) -> tuple[int, str]:
        """Walk back from `end` to the nearest separator outside quotes; return its position + 1."""
        text = self.text
        limit = max(0, end - _MAX_ROLE)
        # the nearest separator or quote, found by `re` in the window reversed (a role is short,
        # and the walk one character at a time cost 1.6 µs a call); only from a quote on must
        # the walk count the quotes' depth
        nearest = _PIECE_MARK.search(text[limit:end][::-1])
        if nearest is None:
            return limit, ""
        i = end - 1 - nearest.start()
        if text[i] not in _QUOTES:
            return i + 1, text[i]
        depth = 0
        while i >= limit:
            char = text[i]
            if char in _QUOTES:
                depth = max(0, depth + _QUOTES[char])
            elif depth == 0 and (char in _CLAUSE_END or char in _PIECE_END):
                return i + 1, char
            i -= 1
        return limit, ""


def _overlaps_appointee(name: str, mentions: dict[int, Evidence], appointees: list[tuple[str, int, int]]) -> bool:
    """Whether every mention of `name` overlaps another person named by a notice (任命X为):
    the notice's markers bound its names, so its reading wins."""
    spans = [(start, end) for other, start, end in appointees if other != name]
    return bool(spans) and all(any(m.start < end and start < m.end for start, end in spans) for m in mentions.values())


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` starts in `text`, each occurrence after the last one's end."""
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + len(word))


@cache
def _occupation_ends(lex: Lexicons) -> re.Pattern[str]:
    """员 before a character that opens a surname, a compound one too: where an occupation
    (收费员) may stand before a name, found by `re` (most of an article's 员 end 人员, 党员 …)."""
    heads = sorted(lex.surnames | {compound[0] for compound in lex.compound_surnames})
    return re.compile(f"{_OCCUPATION_END}(?=[{''.join(heads)}])")


@cache
def _title_lengths(lex: Lexicons) -> tuple[int, ...]:
    """The lengths of the role titles, shortest first."""
    return tuple(sorted({len(title) for title in lex.role_titles}))


@lru_cache(maxsize=1 << 16)
def _is_name(lex: Lexicons, candidate: str, strong: bool) -> bool:
    """Whether `candidate` can be a person's name: a pure function of its arguments, remembered
    (Lexicons hash by identity). The finder asks ~50 times an article, often about the same strings."""
    if not 2 <= len(candidate) <= 4 or not _ALL_CJK.fullmatch(candidate):
        return False
    if candidate in lex.role_titles or candidate[-1] in _ORG_OR_PLACE_END:
        return False
    if {candidate, candidate[:2], candidate[-2:], candidate[1:]} & lex.not_names:
        return False
    verb = _FOLLOWERS.match(candidate)  # 强调要: a verb, not a name (one-character 于 may be a surname)
    if verb and len(verb.group()) > 1:
        return False
    if any(candidate.startswith(word) or candidate.endswith(word) for word in _embedded_words(lex, candidate)):
        return False
    if candidate[:2] in lex.compound_surnames:
        return len(candidate) >= 3
    if len(candidate) == 4 and candidate[:2] in lex.name_parts and candidate[2:] in lex.name_parts:
        return strong  # 次仁平措: a Tibetan name, two parts and no surname, only after a title
    if len(candidate) == 3 and candidate[:2] in lex.name_parts and candidate[2] in lex.name_endings:
        return strong  # 才让措: a part and one syllable, an Amdo Tibetan name, only after a title
    if candidate[0] not in lex.surnames:
        return False
    return len(candidate) <= 3 or strong  # four characters: a minority name, only after a title


def _is_rare_han(char: str) -> bool:
    """Whether `char` is one of `_CJK`'s Han characters outside the basic block (邓䶮), which the
    callers test first, inline, as nearly every character is in it (a call each cost 1.5 µs a seed)."""
    return "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff" or "\U00020000" <= char <= "\U0003134f"


def _embedded_words(lex: Lexicons, candidate: str) -> tuple[str, ...]:
    """Titles a candidate must not start or end with (组长, 主任 …): it would be a title, not a name."""
    return tuple(t for t in (candidate[:2], candidate[-2:], candidate[-3:]) if t in lex.role_titles)
