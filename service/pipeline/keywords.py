"""Stage `keywords`: weighted keywords by TF-IDF (default) or TextRank, from the shared tokens.

Both algorithms read `Article.tokens`, the one segmentation pass; neither segments again.

Candidates are chosen once, by the `content_words` stage (`choose`), and read here, by the summary
and by the fingerprint:

- nouns, verbal nouns, names, places, organizations, abbreviations, set phrases (by POS tag; every
  word of the domain dictionary is a candidate whatever its tag);
- never a stop word, a single character, punctuation, a number alone, or a redaction mark.

A word is counted by its Simplified form (tokens come from `analysis_text`), so `監管` and `监管`
are one keyword; it is reported as it stands in `text` at its first occurrence, so every keyword
can be found in the cleaned text. Weights are scaled so that the best keyword weighs 1.0; ties
go to the word that comes first.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Container
from itertools import compress
from itertools import count as naturals
from operator import contains, itemgetter

from service import resources
from service.pipeline import pagerank
from service.pipeline.article import Article, ContentWords, Keyword, Options, evolve
from service.pipeline.script import simplified_copy

# jieba's tags (ICTCLAS set): n noun, nr person, nrfg/nrt names, ns place, nt organization,
# nz other proper noun, vn verbal noun, j abbreviation, l set expression, eng Latin word
ALLOWED_TAGS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "vn", "j", "l", "eng"})
_NOT_A_WORD = re.compile(r"[\W\d_]*|.*[*＊]")  # punctuation, numbers alone, redaction marks (fullmatch)
# the generic heads of place and organization names, longest first (省 of 吉林省, 总署 of 海关总署)
SHORT_FORM_SUFFIXES = (
    "委员会",
    "办公室",
    "自治区",
    "总局",
    "总署",
    "部门",
    "系统",
    "省",
    "市",
    "县",
    "区",
    "部",
    "局",
    "署",
    "委",
    "厅",
)
# The title is the author's own summary: a candidate it names weighs this much more. Measured on
# the seeds and held-out articles: enough to lift 全国两会 over the bodies that attended (县委,
# 县政协), not enough to let a title word with one mention outrank the article's subject.
TITLE_BOOST = 1.6
# The people the article names are reported in `people`; a keyword list of names does not say what
# the article is about (陈光明 over 夏粮 and 生猪 in a press conference on the harvest). Their
# names weigh this much, enough to let the topic's words pass them, still candidates (a profile
# of one person may keep its name).
PERSON_WEIGHT = 0.3
# the heads grouped by length, longest first: the order in which `short_form` tries them
_SUFFIXES_BY_LENGTH = tuple(
    (length, frozenset(suffix for suffix in SHORT_FORM_SUFFIXES if len(suffix) == length))
    for length in sorted({len(suffix) for suffix in SHORT_FORM_SUFFIXES}, reverse=True)
)
_HEAD_ENDS = frozenset(suffix[-1] for suffix in SHORT_FORM_SUFFIXES)  # a word that ends otherwise has no head
TEXTRANK_WINDOW = 5  # tokens, as jieba's TextRank
TEXTRANK_DAMPING = 0.85
TEXTRANK_ITERATIONS = 10


def candidate_tags(
    word: str, stopwords: frozenset[str], domain_words: frozenset[str], title_endings: tuple[str, ...] = ()
) -> Container[str]:
    """The tags under which `word` is a candidate: none (a stop word, a single character,
    punctuation, a number alone, a redaction mark, a title such as 政协主席 or 纪检监察组组长 that
    ends with a role title of `title_endings`), those of ALLOWED_TAGS, or any (a domain word).
    A token is a candidate when its tag is in its word's candidate tags."""
    if (
        len(word) < 2
        or word in stopwords
        or not (word.isalpha() or _NOT_A_WORD.fullmatch(word) is None)  # the regex only for the rare non-letters
        or word.endswith(title_endings)  # says who spoke, as a bare title does, never what about
    ):
        return _NO_TAG
    return _ANY_TAG if word in domain_words else ALLOWED_TAGS


class _AnyTag:
    """The tags of a domain word: all of them."""

    def __contains__(self, tag: object) -> bool:
        return True


_NO_TAG: frozenset[str] = frozenset()
_ANY_TAG = _AnyTag()
CANDIDATE_MEMO_SIZE = 50_000  # words whose verdict is remembered (~5 MB); a seed has ~500 distinct words


class _CandidateTags(dict[str, Container[str]]):
    """word -> `candidate_tags(word)`, remembered: the part of the test that depends on the word
    alone, looked up at C speed. Keyed by the word, not the (word, tag) pair: a str keeps its hash
    (the segmenter has already hashed it), a pair is built and hashed anew per token, which made a
    pair memo slower than the loop. Emptied when full (numbers are words without end)."""

    def __init__(self, stopwords: frozenset[str], domain_words: frozenset[str], title_endings: tuple[str, ...]) -> None:
        super().__init__()
        self._stopwords, self._domain_words, self._title_endings = stopwords, domain_words, title_endings

    def __missing__(self, word: str) -> Container[str]:
        if len(self) >= CANDIDATE_MEMO_SIZE:
            self.clear()
        tags = self[word] = candidate_tags(word, self._stopwords, self._domain_words, self._title_endings)
        return tags


@functools.lru_cache(maxsize=1)
def _candidate_memo(
    stopwords: frozenset[str], domain_words: frozenset[str], title_endings: tuple[str, ...]
) -> _CandidateTags:
    return _CandidateTags(stopwords, domain_words, title_endings)


def content_words(article: Article) -> ContentWords:
    """The article's candidates: as the `content_words` stage chose them, else (an article built
    by hand, a stage tested alone) chosen now."""
    if article.content_words is not None:
        return article.content_words
    return choose_content_words(article)


def choose_content_words(article: Article) -> ContentWords:
    """The candidates among the tokens, with no Python step a token.

    The tokens' words and tags are columns (`Article.token_words`, `token_tags`): each word's
    candidate tags are looked up in a memo, the token's tag is tested against them, one `map` a
    column, and `compress` keeps the candidates' positions. Then only the tokens in people's names
    are visited, and for a Traditional text the candidates, for their surface forms. 0.16 -> 0.11
    ms a seed in the pipeline (a Python loop over every token before)."""
    res = resources.get()
    words, tags = article.token_words, article.token_tags
    if len(words) != len(article.tokens):  # an article built by hand: its tokens only
        words, tags = tuple(token.word for token in article.tokens), tuple(token.tag for token in article.tokens)
    candidate_tags_of = _candidate_memo(res.stopwords, res.domain_words, res.title_endings).__getitem__
    positions = list(compress(naturals(), map(contains, map(candidate_tags_of, words), tags)))
    _drop_name_pieces(positions, article)
    keys = tuple(map(words.__getitem__, positions))
    counts = dict(Counter(keys))
    return ContentWords(tuple(positions), keys, _surface_forms(keys, positions, counts, article), counts)


_START = itemgetter(2)  # a Token's start


def _drop_name_pieces(positions: list[int], article: Article) -> None:
    """Drop the candidates that are a piece of a person's name: 振华 of 李振华, 诸葛 of 诸葛明辉 are no
    keywords; a token that is a whole name is kept. The tokens in each name are found by bisecting
    the tokens (in text order, by start): the few names are visited, not the tokens."""
    names = frozenset((m.start, m.end) for person in article.metadata.people for m in person.mentions)
    tokens = article.tokens
    pieces = []
    for start, end in names:
        i = bisect_left(tokens, start, key=_START)  # the first token that starts in the name
        while i < len(tokens) and tokens[i][2] < end:
            if tokens[i][2:] not in names:
                pieces.append(i)
            i += 1
    for piece in sorted(pieces, reverse=True):  # few: a name the segmenter split
        k = bisect_left(positions, piece)
        if k < len(positions) and positions[k] == piece:
            del positions[k]


def _surface_forms(
    keys: tuple[str, ...], positions: list[int], counts: dict[str, int], article: Article
) -> dict[str, str]:
    """Each key as it first stands in `text`: the key itself when the tokens were cut from `text`
    (a Simplified article: `simplified` is `text`), else the slice of its first occurrence."""
    text = article.text
    if article.simplified == text:
        return dict(zip(counts, counts, strict=True))
    surface: dict[str, str] = {}
    tokens = article.tokens
    for key, position in zip(keys, positions, strict=True):
        if key not in surface:
            _, _, start, end = tokens[position]
            surface[key] = text[start:end]
    return surface


def choose(article: Article, options: Options) -> Article:
    """Stage `content_words`: the candidates, chosen once for keywords, summary and fingerprint
    (each chose them again before: 3 x 0.1 ms a seed)."""
    return evolve(article, content_words=choose_content_words(article))


def extract_keywords(article: Article, options: Options) -> Article:
    if options.keywords <= 0:
        return evolve(article, keywords=())
    words = content_words(article)
    scores = textrank_scores(words) if options.keywords_method == "textrank" else tfidf_scores(words)
    favour_title_words(scores, article.metadata.title)
    weigh_down_people(scores, article)
    return evolve(article, keywords=top_keywords(scores, words, options.keywords))


def favour_title_words(scores: dict[str, float], title: str | None) -> None:
    """Weigh up the candidates that the title names as words (in Simplified, as the keys are):
    the words of 主题教育动员会 lift 主题教育, not 教育 or 主题; 吉林省 lifts 吉林 as well."""
    if not title:
        return
    _, simplified = simplified_copy(title)
    named = {token.word for token in resources.get().segmenter.tag(simplified)}
    named |= {short for word in named if (short := short_form(word))}  # 吉林省 names 吉林 too
    for key in named & scores.keys():
        scores[key] *= TITLE_BOOST


def weigh_down_people(scores: dict[str, float], article: Article) -> None:
    """Weigh down the names of the people the `people` stage reported (keys are Simplified, as
    the tokens at the names' offsets are)."""
    analysed = article.simplified
    names = {analysed[m.start : m.end] for person in article.metadata.people for m in person.mentions}
    for key in names & scores.keys():
        scores[key] *= PERSON_WEIGHT


def tfidf_scores(words: ContentWords) -> dict[str, float]:
    """Term frequency times jieba's IDF (its median for words the table lacks)."""
    res = resources.get()
    idf, default = res.idf, res.idf_default
    counts: dict[str, float] = dict(words.counts)  # a copy: the credits below are this stage's own
    credit_short_forms(counts)
    return {key: count * idf.get(key, default) for key, count in counts.items()}


def short_form(word: str) -> str | None:
    """吉林 of 吉林省, 海关 of 海关总署: the name without its generic head, if one is left.

    The longest head that fits wins: the word's last 3, 2, 1 characters are looked up in sets
    (`_SUFFIXES_BY_LENGTH`), not tried with `endswith` against all 16 heads, key after key."""
    size = len(word)
    for length, suffixes in _SUFFIXES_BY_LENGTH:
        if size - length >= 2 and word[-length:] in suffixes:
            return word[:-length]
    return None


def credit_short_forms(counts: dict[str, float]) -> None:
    """A full name also counts for its short form: 吉林省 for 吉林, 海关总署 for 海关.

    Only when the short form itself stands in the text: the full name then names the same thing.
    Only the words that end as a head does are tried (one set lookup: 9 in 10 candidates are not).
    """
    ends = _HEAD_ENDS
    credits = [
        (short, count) for key, count in counts.items() if key[-1] in ends and (short := short_form(key)) in counts
    ]
    for short, count in credits:
        counts[short] += count  # type: ignore[index]


def textrank_scores(words: ContentWords) -> dict[str, float]:
    """Weighted PageRank over co-occurrence within a window of tokens, as jieba's TextRank.

    Linear in the number of tokens: each candidate links to at most `TEXTRANK_WINDOW - 1` next
    ones, and each iteration visits every edge once.
    """
    ids: dict[str, int] = {}
    for key in words.keys:
        ids.setdefault(key, len(ids))
    edges: dict[tuple[int, int], int] = {}
    positions, keys = words.positions, words.keys
    for i, position in enumerate(positions):
        a = ids[keys[i]]
        for j in range(i + 1, len(positions)):
            if positions[j] - position >= TEXTRANK_WINDOW:
                break
            b = ids[keys[j]]
            if a != b:
                pair = (a, b) if a < b else (b, a)
                edges[pair] = edges.get(pair, 0) + 1
    n = len(ids)
    out = [0] * n
    for (a, b), weight in edges.items():
        out[a] += weight
        out[b] += weight
    neighbours: list[list[int]] = [[] for _ in range(n)]
    shares: list[list[float]] = [[] for _ in range(n)]  # weight / out-weight of the neighbour
    for (a, b), weight in edges.items():
        neighbours[a].append(b)
        shares[a].append(weight / out[b])
        neighbours[b].append(a)
        shares[b].append(weight / out[a])
    # the random jump favours rare words (jieba's IDF), so that the genre's common words, which
    # co-occur with everything, do not win on degree alone
    res = resources.get()
    prior = [res.idf.get(key, res.idf_default) for key in ids]
    scale = n / (sum(prior) or 1.0)
    jump = [(1.0 - TEXTRANK_DAMPING) * value * scale for value in prior]
    rank = pagerank.iterate(jump, neighbours, shares, damping=TEXTRANK_DAMPING, iterations=TEXTRANK_ITERATIONS)
    scores = {key: rank[index] for key, index in ids.items()}
    credit_short_forms(scores)
    return scores


def top_keywords(scores: dict[str, float], words: ContentWords, limit: int) -> tuple[Keyword, ...]:
    """The `limit` best, best first, weights scaled so that the best is 1.0.

    Ties go to the word that comes first: both scorers fill `scores` in the order of the words'
    first occurrence, and a sort keeps that order among equals (reverse=True included)."""
    if not scores:
        return ()
    best = sorted(scores, key=scores.__getitem__, reverse=True)[:limit]
    top = scores[best[0]] or 1.0
    return tuple(Keyword(words.surface[key], round(scores[key] / top, 4)) for key in best)
