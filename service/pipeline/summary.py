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
import re

from service import resources
from service.pipeline import pagerank
from service.pipeline.article import Article, Options, evolve
from service.pipeline.keywords import content_words

LINKS_PER_WORD = 4
DAMPING = 0.85
ITERATIONS = 20
MIN_CONTENT_WORDS = 2
_ENDS_A_SENTENCE = re.compile(r"[。！？；!?;][”’」』）)]*$")


def summarize(article: Article, options: Options) -> Article:
    if options.summary <= 0 or not article.sentences:
        return evolve(article, summary=())
    sentences = article.sentences
    bags = _sentence_words(article)
    candidates = [
        i
        for i, sentence in enumerate(sentences)
        if len(bags[i]) >= MIN_CONTENT_WORDS and _ENDS_A_SENTENCE.search(sentence.text)
    ]
    if len(candidates) < options.summary:  # few real sentences: take what there is
        candidates = [i for i in range(len(sentences)) if bags[i]] or list(range(len(sentences)))
    scores = _rank([bags[i] for i in candidates], _lead_prior(article, candidates))
    best = sorted(range(len(candidates)), key=lambda k: (-scores[k], k))[: options.summary]
    top = max(scores) or 1.0
    summary = tuple(evolve(sentences[candidates[k]], score=round(scores[k] / top, 4)) for k in sorted(best))
    return evolve(article, summary=summary)


def _sentence_words(article: Article) -> list[dict[str, int]]:
    """Each sentence's content words with their counts (one walk over tokens and sentences)."""
    words = content_words(article)
    tokens, sentences = article.tokens, article.sentences
    bags: list[dict[str, int]] = [{} for _ in sentences]
    index = 0
    for position, key in zip(words.positions, words.keys, strict=True):
        start = tokens[position].start
        while index < len(sentences) and sentences[index].end <= start:
            index += 1
        if index == len(sentences):
            break
        if sentences[index].start <= start:
            bag = bags[index]
            bag[key] = bag.get(key, 0) + 1
    return bags


def _lead_prior(article: Article, candidates: list[int]) -> list[float]:
    paragraph_starts = {span.start for span in article.paragraphs}
    return [
        (1.5 if article.sentences[i].start in paragraph_starts else 1.0) / (1 + rank)
        for rank, i in enumerate(candidates)
    ]


def _rank(bags: list[dict[str, int]], prior: list[float]) -> list[float]:
    """Personalized PageRank over the sparse sentence graph; one score per sentence."""
    res = resources.get()
    idf, default = res.idf, res.idf_default
    n = len(bags)
    postings: dict[str, list[int]] = {}
    for i, bag in enumerate(bags):
        for key in bag:
            postings.setdefault(key, []).append(i)
    edges: dict[tuple[int, int], float] = {}
    for key, holders in postings.items():
        if len(holders) < 2:  # most words stand in one sentence: they link nothing
            continue
        weight = idf.get(key, default)
        for p, a in enumerate(holders):
            for b in holders[p + 1 : p + 1 + LINKS_PER_WORD]:
                edges[a, b] = edges.get((a, b), 0.0) + weight
    size = [math.log(1 + sum(bag.values())) for bag in bags]
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
