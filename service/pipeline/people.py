"""Stage `people`: the people named in the text, each with the roles the text gives them.

A name is two to four characters that start with a known surname (single or compound); longer
minority names (`巴音朝鲁`) are read after a title. Where a name ends is decided by what follows
it (指出, 出席, 同志, 、, …), so the rules work on the text itself; the segmenter's `nr` tags
only break a tie. Strategies, one function each:

1. `title-before`: a role title, then the name (`中央第二十指导组组长姜大明`). The role is the
   whole clause before the name, split on `、` and `，` outside quotes, walking back as long as
   each piece ends with a title: `省委副书记、省长景俊海` gives 省委副书记 and 省长. A list that
   follows (`副省长张三、李四出席`) shares the title.
2. `title-after`: the name, then a title (`习近平总书记`, `于学军副主任`).
3. `comrade`: `X同志`; the name is X, never X同志.
4. `speaker`: a name opening a clause, before 指出/强调/在讲话中指出/… (`王辉忠在讲话中指出`).
Every later occurrence of a found name is a mention (`repeat`). Never a name: a title
(`组长`), a redaction (`**`), a word from `not_names.txt` (`马克思主义`, `党员`), anything
that ends like an organization or a place (…委, …局, …省).
"""

from __future__ import annotations

import re
from dataclasses import replace

from service import resources
from service.lexicons import Lexicons, trie_pattern, words
from service.pipeline.article import Article, Evidence, Options, Person, Token

_CJK = "\u4e00-\u9fff"
_FOLLOWERS = re.compile(  # what may follow a name: a verb of the report, 同志, a separator
    trie_pattern(
        [
            *words(
                "同志 指出 强调 表示 要求 认为 说 讲 讲话 致辞 主持 出席 参加 陪同 会见 会谈 看望 慰问 调研 考察 视察 "
                "检查 督导 作 做 在 到 赴 来 于 就 对 向 与 和 及 等 一行 率 带队 一同 分别 代表 宣读 通报 传达 部署 "
                "介绍 汇报 听取 发表 提出 回答 签署 为 以 是 的 也 还 同时 先后 深入 来到 前往 指导 宣布 授予 颁发 "
                "发言 所作 带领 作出 当选 任 兼 担任 被 获 荣获 主讲 称 希望 通过 同 共同 参观 "
                "、 ， 。 ； ： ！ ？ （ ( “ ” , ; :"
            ),
            "\n",
        ]
    )
)
_SPEAKER = re.compile(
    rf"(?:^|(?<=[。！？；\n，：]))(?P<name>[{_CJK}]{{2,4}}?)"
    r"(?:在[^，。；\n]{0,12}?)?(?:指出|强调|表示|要求|认为|说|讲话|致辞|主持|宣布|介绍|希望)"
)
_COMRADE = re.compile("同志")
_QUOTES = {"”": 1, "“": -1, "」": 1, "「": -1, "》": 1, "《": -1}
_CLAUSE_END = "。！？；：\n"
_PIECE_END = "、，,"
_ROLE_LEAD = re.compile(r".*(?:由|邀请|陪同|会见|看望|出席|参加|主持|听取|以及|其中|包括|有)")
_ORG_OR_PLACE_END = set("委部局厅署办院处室组会府省市县区州镇乡村社司所站队团")
_NOT_AFTER_NAME = frozenset(words("代表 委员 成员 教授 研究员 发言人 专员 督学 法官 检察官 院士 首席"))
_NAME_TAGS = ("nr", "nrfg", "nrt")
_BOUNDARY_BEFORE = set("以的和与及由请在对向为是把被将同跟给让从经有了据称")
_MAX_ROLE = 60


def extract_people(article: Article, options: Options) -> Article:
    people = find_people(article.simplified, article.tokens, resources.get().lexicons, written=article.text)
    return replace(article, metadata=replace(article.metadata, people=people))


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
    return finder.people()


class _Finder:
    def __init__(self, text: str, tokens: tuple[Token, ...], lex: Lexicons, written: str | None = None) -> None:
        self.text = text
        self.written = written if written is not None and len(written) == len(text) else text
        self.lex = lex
        self.name_tokens = {t.start: t for t in tokens if t.tag in _NAME_TAGS}
        self.roles: dict[str, dict[str, None]] = {}
        self.mentions: dict[str, dict[int, Evidence]] = {}
        self.title_end = re.compile("(?:" + lex.role_title_re.pattern + ")$")

    # 1. a role title, then the name
    def title_before(self) -> None:
        text = self.text
        for match in self.lex.role_title_re.finditer(text):
            end = self._name_after(match.end())
            if end is None:
                continue
            roles = self._roles_before(match.end())
            self._add(text[match.end() : end], match.end(), "title-before", roles)
            while text.startswith("、", end):  # 副省长张三、李四出席: a list shares the title
                nxt = self._name_after(end + 1)
                if nxt is None:
                    break
                self._add(text[end + 1 : nxt], end + 1, "title-before-list", roles)
                end = nxt

    # 2. the name, then a title
    def title_after(self) -> None:
        for match in self.lex.role_title_re.finditer(self.text):
            if match.group() in _NOT_AFTER_NAME:
                continue
            start = self._name_before(match.start())
            if start is not None:
                self._add(self.text[start : match.start()], start, "title-after", [self._as_written(match)])

    # 3. X同志: the name is X
    def comrade(self) -> None:
        for match in _COMRADE.finditer(self.text):
            start = self._name_before(match.start())
            if start is not None:
                self._add(self.text[start : match.start()], start, "comrade", [])

    # 4. a name opening a clause, before 指出/强调/…
    def speaker(self) -> None:
        for match in _SPEAKER.finditer(self.text):
            name = match["name"]
            if self._is_name(name, strong=False):
                self._add(name, match.start("name"), "speaker", [])

    def people(self) -> tuple[Person, ...]:
        found = []
        for name, roles in self.roles.items():
            mentions = self.mentions[name]
            at = self.written.find(name)
            while at != -1:  # every later bare mention counts too
                mentions.setdefault(at, Evidence(at, at + len(name), "repeat"))
                at = self.written.find(name, at + len(name))
            ordered = tuple(mentions[k] for k in sorted(mentions))
            found.append(Person(name=name, roles=tuple(roles), mentions=ordered))
        found.sort(key=lambda p: p.mentions[0].start)
        return tuple(found)

    def _as_written(self, match: re.Match[str]) -> str:
        return self.written[match.start() : match.end()]

    def _add(self, name: str, start: int, rule: str, roles: list[str]) -> None:
        name = self.written[start : start + len(name)]  # as the text writes it (習近平, not 习近平)
        self.roles.setdefault(name, {})
        for role in roles:
            self.roles[name][role] = None
        self.mentions.setdefault(name, {})[start] = Evidence(start, start + len(name), rule)

    def _is_name(self, candidate: str, *, strong: bool) -> bool:
        lex = self.lex
        if not 2 <= len(candidate) <= 4 or not re.fullmatch(f"[{_CJK}]+", candidate):
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
        if candidate[0] not in lex.surnames:
            return False
        return len(candidate) <= 3 or strong  # four characters: a minority name, only after a title

    def _name_after(self, pos: int) -> int | None:
        """Where a name starting at `pos` ends: the shortest that a follower word confirms."""
        text = self.text
        for length in (2, 3, 4):
            candidate = text[pos : pos + length]
            if len(candidate) < length:
                break
            rest = pos + length
            if (rest == len(text) or _FOLLOWERS.match(text, rest)) and self._is_name(candidate, strong=True):
                return rest
        token = self.name_tokens.get(pos)  # a tie-breaker only: the segmenter's person tag
        if token is not None:
            end = token.end
            while end in self.name_tokens and end - pos < 4:
                end = self.name_tokens[end].end
            if self._is_name(text[pos:end], strong=True):
                return end
        return None

    def _name_before(self, end: int) -> int | None:
        """Where a name ending at `end` starts: prefer one with a clean left edge."""
        text = self.text
        valid = [
            end - length
            for length in (3, 2, 4)
            if end - length >= 0 and self._is_name(text[end - length : end], strong=False)
        ]
        for start in valid:
            if self._clean_left(start):
                return start
        if len(valid) == 1:
            return valid[0]
        for start in valid:
            token = self.name_tokens.get(start)
            if token is not None:
                return start
        return None

    def _clean_left(self, start: int) -> bool:
        if start == 0:
            return True
        before = self.text[start - 1]
        if not ("\u4e00" <= before <= "\u9fff") or before in _BOUNDARY_BEFORE:
            return True
        return bool(self.title_end.search(self.text, max(0, start - 8), start))

    def _roles_before(self, title_end: int) -> list[str]:
        """The role pieces before a name, as written, nearest last: 省委副书记、省长 → both."""
        text = self.text
        pieces: list[str] = []
        end = title_end
        while True:
            start, separator = self._piece_start(end)
            piece = text[start:end]
            lead = _ROLE_LEAD.match(piece)
            if lead:
                piece = piece[lead.end() :]
            if not piece or not self.title_end.search(piece):
                break
            pieces.append(self.written[end - len(piece) : end])
            if lead or separator not in _PIECE_END or start - 1 <= 0:
                break
            end = start - 1
        pieces.reverse()
        return pieces

    def _piece_start(self, end: int) -> tuple[int, str]:
        """Walk back from `end` to the nearest separator outside quotes; return its position + 1."""
        text = self.text
        depth = 0
        limit = max(0, end - _MAX_ROLE)
        i = end - 1
        while i >= limit:
            char = text[i]
            if char in _QUOTES:
                depth = max(0, depth + _QUOTES[char])
            elif depth == 0 and (char in _CLAUSE_END or char in _PIECE_END):
                return i + 1, char
            i -= 1
        return limit, ""


def _embedded_words(lex: Lexicons, candidate: str) -> tuple[str, ...]:
    """Titles a candidate must not start or end with (组长, 主任 …): it would be a title, not a name."""
    return tuple(t for t in (candidate[:2], candidate[-2:], candidate[-3:]) if t in lex.role_titles)
