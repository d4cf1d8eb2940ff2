"""Stage `summary`: the key sentences, by TextRank over sentences with a lead bias, in text order.

Sentences are those of the segmenting stage (split on 。！？； and line ends); a candidate is a
whole sentence that ends with 。！？； and holds at least two content words (the keyword stage's
candidates), so a heading, a salutation or a placeholder line is never picked while real sentences
remain.

The graph is kept linear in the length of the text: two sentences are linked through a shared
content word only when each is among the next `LINKS_PER_WORD` sentences holding that word after
the other (an inverted index walked in order), so a word that is in every sentence adds a chain,
not a clique. An edge weighs the IDF of the words the two sentences share over the log of their
lengths (TextRank's similarity). The random jump of the PageRank favours the lead: the i-th
candidate gets 1/(1+i), and the first sentence of a paragraph counts half as much again.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict

from service import resources
from service.pipeline import pagerank
from service.pipeline.article import Article, Options, evolve
from service.pipeline.keywords import content_words

LINKS_PER_WORD = 4
DAMPING = 0.85
# 10 power steps, as the keywords' TextRank (and jieba's) take: on all 140 snapshot answers 20 steps
# chose the very same sentences, their scores moved by 0.088 at most, and the stage cost 0.085 ms
# (a fifth of the pipeline's margin to its speed goal) more a seed. Neither count converges
# fully (0.85**10 = 0.20, 0.85**20 = 0.04 of the start left); what the steps rank is the choice.
ITERATIONS = 10
MIN_CONTENT_WORDS = 2
_SENTENCE_ENDS = tuple("。！？；!?;")
_CLOSERS = "”’」』）)"  # quotes and brackets that may close a sentence after its end mark


def summarize(article: Article, options: Options) -> Article:
    if options.summary <= 0 or not article.sentences:
        return evolve(article, summary=())
    sentences = article.sentences
    words = _sentence_words(article)
    bags = [dict.fromkeys(keys) for keys in words]  # each sentence's distinct content words, in order
    candidates = [
        i
        for i, sentence in enumerate(sentences)
        if len(bags[i]) >= MIN_CONTENT_WORDS and _ends_a_sentence(sentence.text)
    ]
    if len(candidates) < options.summary:  # few real sentences: take what there is
        candidates = [i for i in range(len(sentences)) if words[i]] or list(range(len(sentences)))
    scores = _rank([bags[i] for i in candidates], [len(words[i]) for i in candidates], _lead_prior(article, candidates))
    # best first, ties to the earlier sentence (a sort keeps the order of equals, reverse=True included)
    best = sorted(range(len(candidates)), key=scores.__getitem__, reverse=True)[: options.summary]
    top = max(scores) or 1.0
    summary = tuple(evolve(sentences[candidates[k]], score=round(scores[k] / top, 4)) for k in sorted(best))
    return evolve(article, summary=summary)


def _ends_a_sentence(text: str) -> bool:
    """Ends with 。！？； (or their ASCII forms), closing quotes after it allowed; a look at the end,
    not a regex search that tries every character of the sentence."""
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def _sentence_words(article: Article) -> list[tuple[str, ...]]:
    """Each sentence's content words, repeats kept, in text order: those whose token starts in it.

    Content words and sentences are both in text order, so each sentence's words are one slice of
    `ContentWords.keys`, found by bisecting the words' start offsets: two C calls a sentence, not a
    Python step a word."""
    words = content_words(article)
    tokens, keys = article.tokens, words.keys
    starts = [tokens[position].start for position in words.positions]
    found = []
    low = 0
    for sentence in article.sentences:
        low = bisect_left(starts, sentence.start, low)
        high = bisect_left(starts, sentence.end, low)
        found.append(keys[low:high])
        low = high
    return found


def _lead_prior(article: Article, candidates: list[int]) -> list[float]:
    paragraph_starts = {span.start for span in article.paragraphs}
    return [
        (1.5 if article.sentences[i].start in paragraph_starts else 1.0) / (1 + rank)
        for rank, i in enumerate(candidates)
    ]


def _rank(bags: list[dict[str, None]], lengths: list[int], prior: list[float]) -> list[float]:
    """Personalized PageRank over the sparse sentence graph; one score per sentence.

    `bags` are the sentences' distinct content words, `lengths` their numbers of content words."""
    res = resources.get()
    idf, default = res.idf, res.idf_default
    n = len(bags)
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        for key in bag:
            postings[key].append(i)
    edges: dict[tuple[int, int], float] = {}
    for key, holders in postings.items():
        if len(holders) < 2:  # most words stand in one sentence: they link nothing
            continue
        weight = idf.get(key, default)
        for p, a in enumerate(holders):
            for b in holders[p + 1 : p + 1 + LINKS_PER_WORD]:
                edges[a, b] = edges.get((a, b), 0.0) + weight
    size = [math.log(1 + length) for length in lengths]
    out = [0.0] * n
    for (a, b), weight in edges.items():
        weight /= size[a] + size[b] or 1.0
        edges[a, b] = weight
        out[a] += weight
        out[b] += weight
    neighbours: list[list[int]] = [[] for _ in range(n)]
    shares: list[list[float]] = [[] for _ in range(n)]
    for (a, b), weight in edges.items():
        neighbours[a].append(b)
        shares[a].append(weight / out[b])
        neighbours[b].append(a)
        shares[b].append(weight / out[a])
    scale = n / (sum(prior) or 1.0)
    jump = [(1.0 - DAMPING) * value * scale for value in prior]
    return pagerank.iterate(jump, neighbours, shares, damping=DAMPING, iterations=ITERATIONS)
