"""Stage `doctype`: what kind of document this is, and the rule that decided.

Rules in order; the first that holds decides:
1. `notice` / `announcement` / `decision` / `opinion` / … : the title ends with the document's
   own name (…的通知, …公示, …公告, …的决定, …的意见), or the text closes with 特此通知 / 特此公示 /
   特此公告.
2. `speech`: the title names a talk (…上的讲话, 发言材料, 致辞, 演讲), or the text opens with a
   salutation (尊敬的…, 同志们：, 各位领导), or closes with 谢谢大家 / 发言完毕.
   A title such as 习近平发表重要讲话 is a report of a speech: news.
3. `interview`: 答记者问, 专访.
4. `news`: the report of an event, by default.
"""

from __future__ import annotations

import re

from service.pipeline import script
from service.pipeline.article import Article, Options, evolve

_TITLE_KINDS = (
    (re.compile(r"(?:通知|紧急通知|补充通知)$"), "notice"),
    (re.compile(r"(?:公告|通告)$"), "announcement"),
    # 任前公示, 拟表彰对象的公示: a public notice, open for comment until a date, signed by its office
    (re.compile(r"公示$"), "notice"),
    # 关于…问题的通报: a circular that names and censures, sent down as a notice is; a news title
    # about one (省纪委通报3起典型问题) does not end with it
    (re.compile(r"的(?:情况)?通报$"), "notice"),
    (re.compile(r"的(?:决定)$"), "decision"),
    (re.compile(r"的(?:实施意见|指导意见|意见)$"), "opinion"),
    (re.compile(r"(?:办法|规定|条例|细则|规则)(?:（试行）|\(试行\))?$"), "regulation"),
    (re.compile(r"(?:答记者问|专访|访谈)"), "interview"),
)
_CLOSING_KINDS = (
    (re.compile(r"特此通知"), "notice"),
    (re.compile(r"特此公示"), "notice"),
    (re.compile(r"特此通报"), "notice"),
    (re.compile(r"特此(?:公告|通告)"), "announcement"),
)
_SPEECH_TITLE = re.compile(r"(?:上的|时的|中的)?(?:讲话|发言|发言材料|致辞|演讲|讲稿|报告)(?:稿|提纲|摘要)?$")
_REPORTED_SPEECH = re.compile(r"发表(?:重要|主旨)?(?:讲话|演讲|致辞)$")
_SALUTATION = re.compile(r"^(?:尊敬的|各位|同志们|女士们|朋友们|亲爱的)[^。]{0,60}[：:]")
_CLOSING = re.compile(r"谢谢大家|谢谢各位|发言完毕|讲话完毕|谢谢！|谢谢。")
_TAIL = 200


def classify(article: Article, options: Options) -> Article:
    kind, rule = document_type(article)
    metadata = evolve(article.metadata, document_type=kind, document_type_rule=rule)
    return evolve(article, metadata=metadata)


def document_type(article: Article) -> tuple[str, str]:
    # The rules are written in Simplified script: a Traditional text (在…會議上的講話, 謝謝大家)
    # is read in its Simplified copy, and so is its title.
    text = article.simplified
    title = re.sub(r"\s+", "", article.metadata.title or "")
    if text is not article.text:
        title = script.to_simplified(title)
    tail = text[-_TAIL:]
    # 1. the title or the closing names the document
    for pattern, kind in _TITLE_KINDS:
        if pattern.search(title):
            return kind, f"title:{pattern.pattern}"
    for pattern, kind in _CLOSING_KINDS:
        if pattern.search(tail):
            return kind, f"closing:{pattern.pattern}"
    # 2. a talk: by its title, its salutation, or its closing words
    if _SPEECH_TITLE.search(title) and not _REPORTED_SPEECH.search(title):
        return "speech", "title:speech"
    for span in article.paragraphs[:3]:
        if _SALUTATION.match(text, span.start, span.end):
            return "speech", "salutation"
    if _CLOSING.search(tail):
        return "speech", "closing:thanks"
    return "news", "default:news"
