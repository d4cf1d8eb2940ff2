// The inspect page: send one article to POST /v1/documents and show what came back.
// Every piece of document text goes into the page through textContent or createTextNode, never
// innerHTML, and nothing here needs 'unsafe-inline': styles are classes and CSS custom properties.
"use strict";

(function () {
  // The kinds of highlight, in legend order. `rank` breaks ties when two spans cover the same
  // characters: the higher rank is drawn inside (a redaction inside a role stays visible).
  var KINDS = {
    "event-date": { label: "事件日期", en: "event date", rank: 7 },
    date: { label: "日期", en: "date", rank: 6 },
    person: { label: "人物", en: "person", rank: 5 },
    role: { label: "职务", en: "role", rank: 1 },
    org: { label: "机构", en: "organization", rank: 3 },
    place: { label: "地点", en: "place", rank: 4 },
    meeting: { label: "会议", en: "meeting", rank: 2 },
    reference: { label: "文号", en: "reference no.", rank: 6 },
    redaction: { label: "脱敏", en: "redaction", rank: 9 },
    image: { label: "图片占位", en: "image removed", rank: 10 },
  };
  // How far back from a name the page looks for a reported role in the same sentence.
  var ROLE_LOOKBACK = 80;
  var SENTENCE_END = /[。！？；\n]/;

  var $ = function (id) {
    return document.getElementById(id);
  };
  var endpoint = document.body.dataset.endpoint || "/v1/documents";
  var renders = 0;
  var hidden = {};

  // ---- building elements without HTML strings -------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // A term is "中文 english": the English part is drawn smaller, under or beside the Chinese.
  function row(dl, term, value, extra) {
    var parts = /^(\S+) ([A-Za-z].*)$/.exec(term);
    var dt = el("dt", null, parts ? parts[1] : term);
    if (parts) dt.appendChild(el("span", "en", " " + parts[2]));
    dl.appendChild(dt);
    var dd = el("dd", value === null || value === undefined || value === "" ? "none" : null);
    dd.textContent = value === null || value === undefined || value === "" ? "—" : String(value);
    if (extra) dd.appendChild(el("span", "rule", extra));
    dl.appendChild(dd);
    return dd;
  }

  // ---- spans from the response ------------------------------------------------------------------

  // One highlight: [start, end) in `text`, its kind and what the popover says about it.
  function span(kind, start, end, title, lines) {
    return { kind: kind, start: start, end: end, title: title, lines: lines || [] };
  }

  function dateLines(date) {
    var lines = [];
    if (date.iso) lines.push("ISO: " + date.iso);
    var parts = [];
    if (date.year !== null && date.year !== undefined) parts.push(date.year + "年");
    if (date.month) parts.push(date.month + "月");
    if (date.day) parts.push(date.day + "日");
    if (date.end_day) parts.push("至" + (date.end_month && date.end_month !== date.month ? date.end_month + "月" : "") + date.end_day + "日");
    if (parts.length) lines.push("读作 " + parts.join(""));
    if (date.year === null || date.year === undefined) lines.push("原文没有年份 no year given");
    if (date.inferred) lines.push("年份由文中其他日期推定 year inferred");
    if (date.part_of_day) lines.push("时段 " + date.part_of_day);
    if (date.rule) lines.push("规则 rule: " + date.rule);
    return lines;
  }

  // The service reports a person's roles as strings, without offsets; the page finds each one in
  // the text right before (or right after) a mention of the name, in the same sentence.
  function roleSpans(text, person, mention) {
    var found = [];
    (person.roles || []).forEach(function (role) {
      if (!role) return;
      var after = text.slice(mention.end, mention.end + role.length);
      if (after === role) {
        found.push([mention.end, mention.end + role.length, role]);
        return;
      }
      var from = Math.max(0, mention.start - ROLE_LOOKBACK);
      var before = text.slice(from, mention.start);
      var cut = -1;
      for (var i = before.length - 1; i >= 0; i--) {
        if (SENTENCE_END.test(before[i])) {
          cut = i;
          break;
        }
      }
      before = before.slice(cut + 1);
      var at = before.lastIndexOf(role);
      if (at >= 0) {
        var start = mention.start - before.length + at;
        found.push([start, start + role.length, role]);
      }
    });
    return found.map(function (r) {
      return span("role", r[0], r[1], r[2], [
        "职务 of " + person.name,
        "位置由页面在姓名前后查找 located by the page near the name",
      ]);
    });
  }

  function collectSpans(doc) {
    var text = doc.text || "";
    var meta = doc.metadata || {};
    var spans = [];
    var event = meta.event_date;
    if (event && event.end > event.start) {
      spans.push(span("event-date", event.start, event.end, event.text, ["文章所报道事件的日期 the event's date"].concat(dateLines(event))));
    }
    (meta.dates || []).forEach(function (date) {
      if (event && date.start === event.start && date.end === event.end) return;
      spans.push(span("date", date.start, date.end, date.text, dateLines(date)));
    });
    (meta.people || []).forEach(function (person) {
      var roles = person.roles && person.roles.length ? person.roles.join("；") : "—";
      var seen = {};
      (person.offsets || []).forEach(function (offset) {
        var s = span("person", offset.start, offset.end, person.name, [
          "职务 roles: " + roles,
          "提及 " + person.mentions + " 次 mentions",
          "规则 rule: " + offset.rule,
        ]);
        s.data = { name: person.name, roles: roles };
        spans.push(s);
        roleSpans(text, person, offset).forEach(function (r) {
          var key = r.start + ":" + r.end;
          if (!seen[key]) spans.push(r);
          seen[key] = true;
        });
      });
    });
    [
      ["org", meta.organizations],
      ["place", meta.places],
    ].forEach(function (pair) {
      (pair[1] || []).forEach(function (entity) {
        (entity.offsets || []).forEach(function (offset) {
          var lines = [];
          var written = text.slice(offset.start, offset.end);
          if (written !== entity.name) lines.push("全称 full name: " + entity.name);
          if (entity.short_forms && entity.short_forms.length) lines.push("简称 short forms: " + entity.short_forms.join("、"));
          lines.push("提及 " + entity.mentions + " 次 mentions");
          lines.push("规则 rule: " + offset.rule);
          var s = span(pair[0], offset.start, offset.end, written, lines);
          s.data = { name: entity.name };
          spans.push(s);
        });
      });
    });
    var meeting = meta.meeting || {};
    (meeting.evidence || []).forEach(function (offset) {
      spans.push(span("meeting", offset.start, offset.end, text.slice(offset.start, offset.end), ["会议信息 meeting", "规则 rule: " + offset.rule]));
    });
    (meta.reference_numbers || []).forEach(function (ref) {
      spans.push(span("reference", ref.start, ref.end, ref.text, ["文号 reference number"]));
    });
    (meta.redactions || []).forEach(function (mark) {
      var lines = ["脱敏标记 redaction mark", "原文在此隐去内容 something was withheld here"];
      if (mark.context) lines.push("上下文 context: " + mark.context);
      spans.push(span("redaction", mark.start, mark.end, mark.text, lines));
    });
    return spans.filter(function (s) {
      return s.start >= 0 && s.end > s.start && s.end <= text.length;
    });
  }

  // ---- rendering the text -------------------------------------------------------------------------

  // Outer spans first: earlier start, then longer, then lower rank.
  function outerFirst(a, b) {
    return a.start - b.start || b.end - a.end || KINDS[a.kind].rank - KINDS[b.kind].rank;
  }

  function highlight(s) {
    var node = el("mark", "hl hl-" + s.kind);
    node.tabIndex = 0;
    node.dataset.kind = s.kind;
    node.dataset.start = s.start;
    node.dataset.end = s.end;
    if (s.data) {
      Object.keys(s.data).forEach(function (key) {
        node.dataset[key] = s.data[key];
      });
    }
    node._span = s;
    return node;
  }

  function imageMarker(position) {
    var node = el("span", "hl hl-image marker");
    node.tabIndex = 0;
    node.dataset.kind = "image";
    node.dataset.start = position.offset;
    node.setAttribute("role", "img");
    node.setAttribute("aria-label", "此处删除了一张图片 an image placeholder was removed here");
    node._span = span("image", position.offset, position.offset, "图片占位", [
      "原文此处有一张图片，清洗时删去 an image placeholder was removed here",
      "段落 paragraph " + position.paragraph,
    ]);
    return node;
  }

  // Draw one paragraph [from, to). Overlapping spans nest where one contains the other; a span
  // that crosses another's edge is split there and continues in a second element (same data).
  function renderParagraph(text, from, to, spans, markers) {
    var p = el("p", "para");
    p.dataset.start = from;
    var inside = spans.filter(function (s) {
      return s.start < to && s.end > from;
    });
    var cuts = {};
    cuts[from] = true;
    cuts[to] = true;
    inside.forEach(function (s) {
      cuts[Math.max(s.start, from)] = true;
      cuts[Math.min(s.end, to)] = true;
    });
    markers.forEach(function (m) {
      cuts[Math.min(Math.max(m.offset, from), to)] = true;
    });
    var points = Object.keys(cuts)
      .map(Number)
      .sort(function (a, b) {
        return a - b;
      });
    var stack = []; // [{span, node}], outermost first
    points.forEach(function (a, i) {
      markers.forEach(function (m) {
        var at = Math.min(Math.max(m.offset, from), to);
        if (at === a) (stack.length ? stack[stack.length - 1].node : p).appendChild(imageMarker(m));
      });
      if (i === points.length - 1) return;
      var b = points[i + 1];
      var active = inside
        .filter(function (s) {
          return s.start <= a && s.end >= b;
        })
        .sort(outerFirst);
      var keep = 0;
      while (keep < stack.length && keep < active.length && stack[keep].span === active[keep]) keep++;
      stack.length = keep;
      for (var j = keep; j < active.length; j++) {
        var node = highlight(active[j]);
        if (active[j].start < a) node.classList.add("cont");
        (j ? stack[j - 1].node : p).appendChild(node);
        stack.push({ span: active[j], node: node });
      }
      (stack.length ? stack[stack.length - 1].node : p).appendChild(document.createTextNode(text.slice(a, b)));
    });
    return p;
  }

  function squash(value) {
    return String(value).replace(/\s+/g, "");
  }

  function renderText(doc) {
    var text = doc.text || "";
    var spans = collectSpans(doc);
    var meta = doc.metadata || {};
    var markers = (meta.image_placeholder_positions || []).slice();
    var root = $("text");
    clear(root);
    // Paragraphs are separated by one newline in `text`; every offset counts that newline.
    var start = 0;
    var index = 0;
    var lines = text.split("\n");
    lines.forEach(function (line) {
      var end = start + line.length;
      var last = index === lines.length - 1;
      // A removed image is drawn in the paragraph it preceded, at its offset (clamped to it).
      var mine = markers.filter(function (m) {
        return m.paragraph === index || (last && m.paragraph > index);
      });
      var p = renderParagraph(text, start, end, spans, mine);
      var titleSpan = meta.title_span;
      var isTitle = titleSpan ? titleSpan.start === start && titleSpan.end === end : index === 0 && meta.title && squash(line) === squash(meta.title);
      if (isTitle) p.classList.add("title-line");
      root.appendChild(p);
      start = end + 1;
      index++;
    });
    var counts = {};
    spans.forEach(function (s) {
      counts[s.kind] = (counts[s.kind] || 0) + 1;
    });
    counts.image = markers.length;
    renderLegend(counts);
  }

  function renderLegend(counts) {
    var legend = $("legend");
    clear(legend);
    Object.keys(KINDS).forEach(function (kind) {
      var item = el("li");
      var button = el("button", "key hl-" + kind);
      button.type = "button";
      button.dataset.kind = kind;
      button.setAttribute("aria-pressed", hidden[kind] ? "false" : "true");
      button.appendChild(el("span", "swatch"));
      button.appendChild(el("span", null, KINDS[kind].label + " " + KINDS[kind].en));
      button.appendChild(el("span", "count", counts[kind] || 0));
      if (!counts[kind]) button.classList.add("empty");
      item.appendChild(button);
      legend.appendChild(item);
    });
  }

  function toggleKind(button) {
    var kind = button.dataset.kind;
    hidden[kind] = !hidden[kind];
    button.setAttribute("aria-pressed", hidden[kind] ? "false" : "true");
    $("text").classList.toggle("hide-" + kind, hidden[kind]);
  }

  // ---- the side cards -----------------------------------------------------------------------------

  function renderMeta(doc) {
    var meta = doc.metadata || {};
    var dl = $("meta");
    clear(dl);
    row(dl, "标题 title", meta.title, meta.title_source ? "来自 " + meta.title_source : null);
    row(dl, "编号 number", meta.doc_number);
    row(dl, "类型 type", meta.document_type, meta.document_type_rule ? "规则 " + meta.document_type_rule : null);
    var event = meta.event_date;
    var dd = row(dl, "事件日期 event date", event ? event.text : null, event && event.iso ? event.iso : null);
    dd.id = "meta-event-date";
    var meeting = meta.meeting || {};
    row(dl, "会议形式 format", meeting.format);
    row(dl, "地点 location", meeting.location);
    row(dl, "参会 attendance", meeting.attendance);
    row(dl, "图片占位 images removed", meta.image_placeholders);
    row(dl, "脱敏 redactions", (meta.redactions || []).length);
    var refs = (meta.reference_numbers || []).map(function (r) {
      return r.text;
    });
    row(dl, "文号 references", refs.join("、"));
    row(
      dl,
      "其他日期 other dates",
      (meta.dates || [])
        .filter(function (d) {
          return !event || d.start !== event.start;
        })
        .map(function (d) {
          return d.text;
        })
        .join("、")
    );
  }

  function renderEntities(doc) {
    var meta = doc.metadata || {};
    var dl = $("entities");
    clear(dl);
    (meta.people || []).forEach(function (person) {
      row(dl, person.name, (person.roles || []).join("；") || "—", "×" + person.mentions);
    });
    [
      ["机构 organizations", meta.organizations],
      ["地点 places", meta.places],
    ].forEach(function (pair) {
      var names = (pair[1] || []).map(function (entity) {
        var shorts = entity.short_forms && entity.short_forms.length ? "（" + entity.short_forms.join("、") + "）" : "";
        return entity.name + shorts;
      });
      if (names.length) row(dl, pair[0], names.join("、"));
    });
    if (!dl.firstChild) row(dl, "—", null);
  }

  function renderKeywords(doc) {
    var list = $("keywords");
    clear(list);
    var keywords = doc.keywords || [];
    var top = keywords.reduce(function (m, k) {
      return Math.max(m, k.weight);
    }, 0);
    keywords.forEach(function (keyword) {
      var chip = el("li", "chip", keyword.word);
      var scale = top > 0 ? keyword.weight / top : 0;
      // CSSOM, not a style attribute: allowed under style-src 'self'.
      chip.style.setProperty("--weight", scale.toFixed(3));
      chip.dataset.weight = keyword.weight;
      chip.title = "权重 weight " + keyword.weight.toFixed(4);
      list.appendChild(chip);
    });
    if (!keywords.length) list.appendChild(el("li", "none", "—"));
  }

  function renderSummary(doc) {
    var list = $("summary");
    clear(list);
    (doc.summary || []).forEach(function (sentence) {
      var item = el("li", null, sentence.text);
      if (sentence.score !== undefined) item.appendChild(el("span", "rule", "得分 " + sentence.score.toFixed(3)));
      list.appendChild(item);
    });
    if (!list.firstChild) list.appendChild(el("li", "none", "—"));
  }

  function renderSource(doc) {
    var source = doc.source || {};
    var dl = $("source");
    clear(dl);
    row(dl, "格式 format", source.format);
    var confidence = typeof source.encoding_confidence === "number" ? " " + Math.round(source.encoding_confidence * 100) + "%" : "";
    row(dl, "编码 encoding", source.encoding, source.encoding_method ? source.encoding_method + confidence : null).id = "source-encoding";
    row(dl, "语言 language", source.language);
    row(dl, "文件 file", source.filename);
    row(dl, "大小 size", source.size !== undefined ? source.size + " B" : null);
    row(dl, "字数 characters", (doc.text || "").length);
    row(dl, "指纹 fingerprint", doc.fingerprint);
    row(dl, "内容 content id", doc.content_id ? doc.content_id.slice(0, 16) + "…" : null);
    var warnings = $("warnings");
    clear(warnings);
    (doc.warnings || []).forEach(function (warning) {
      warnings.appendChild(el("li", null, warning));
    });
  }

  function render(doc) {
    hidePopover();
    $("problem").hidden = true;
    renderText(doc);
    renderMeta(doc);
    renderEntities(doc);
    renderKeywords(doc);
    renderSummary(doc);
    renderSource(doc);
    $("raw").textContent = JSON.stringify(doc, null, 2);
    $("result").hidden = false;
    done("done");
  }

  function showProblem(problem) {
    hidePopover();
    $("result").hidden = true;
    $("problem-title").textContent = problem.title || "出错了 Something went wrong";
    $("problem-detail").textContent = problem.detail || "";
    var errors = $("problem-errors");
    clear(errors);
    Object.keys(problem.errors || {}).forEach(function (field) {
      errors.appendChild(el("li", null, field + ": " + [].concat(problem.errors[field]).join(" ")));
    });
    $("problem-status").textContent = problem.status ? "HTTP " + problem.status : "";
    $("problem-request").textContent = problem.request_id ? "request id " + problem.request_id : "";
    $("problem").hidden = false;
    done("error");
  }

  function done(state) {
    renders++;
    document.body.dataset.state = state;
    document.body.dataset.renders = renders;
  }

  // ---- talking to the service -----------------------------------------------------------------------

  function send(body, headers, label) {
    document.body.dataset.state = "loading";
    $("status").textContent = "分析中… " + label;
    var url = endpoint + "?keywords_method=" + encodeURIComponent($("method").value);
    fetch(url, { method: "POST", body: body, headers: headers, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        return response.text().then(function (raw) {
          var data = null;
          try {
            data = JSON.parse(raw);
          } catch (error) {
            data = null;
          }
          if (response.ok && data) {
            $("status").textContent = label + " · " + (data.text || "").length + " 字";
            render(data);
          } else {
            $("status").textContent = label + " · 出错 failed";
            showProblem(data && data.title ? data : { title: "HTTP " + response.status, detail: raw.slice(0, 300), status: response.status });
          }
        });
      })
      .catch(function (error) {
        $("status").textContent = "";
        showProblem({ title: "无法连接服务 The service did not answer", detail: String(error) });
      });
  }

  function sendFile(file) {
    if (!file) return;
    var form = new FormData();
    form.append("file", file, file.name);
    send(form, {}, file.name);
  }

  // ---- the popover ----------------------------------------------------------------------------------

  var current = null;

  function showPopover(target) {
    var pop = $("popover");
    clear(pop);
    // The element and every highlight around it, innermost first.
    for (var node = target; node && node !== $("text"); node = node.parentNode) {
      if (!node._span) continue;
      var s = node._span;
      var part = el("div", "pop-part hl-" + s.kind);
      var head = el("div", "pop-head");
      head.appendChild(el("span", "pop-kind", KINDS[s.kind].label + " " + KINDS[s.kind].en));
      head.appendChild(el("span", "pop-title", s.title));
      part.appendChild(head);
      s.lines.forEach(function (line) {
        part.appendChild(el("div", "pop-line", line));
      });
      part.appendChild(el("div", "pop-where", "[" + s.start + ", " + s.end + ")"));
      pop.appendChild(part);
    }
    pop.hidden = false;
    if (current && current !== target) current.removeAttribute("aria-describedby");
    // Only the open highlight is described by the popover; a hidden one describes nothing.
    target.setAttribute("aria-describedby", "popover");
    current = target;
    place(pop, target);
  }

  function place(pop, target) {
    var box = target.getBoundingClientRect();
    var width = pop.offsetWidth;
    var left = Math.min(Math.max(8, box.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - width - 8);
    var top = box.bottom + window.scrollY + 6;
    if (box.bottom + pop.offsetHeight + 12 > window.innerHeight && box.top > pop.offsetHeight + 12) {
      top = box.top + window.scrollY - pop.offsetHeight - 6;
    }
    pop.style.setProperty("left", Math.max(8, left) + "px");
    pop.style.setProperty("top", top + "px");
  }

  function hidePopover() {
    $("popover").hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function highlightOf(event) {
    return event.target && event.target.closest ? event.target.closest("#text .hl") : null;
  }

  // ---- wiring ---------------------------------------------------------------------------------------

  function init() {
    var drop = $("drop");
    $("file").addEventListener("change", function (event) {
      sendFile(event.target.files[0]);
      event.target.value = "";
    });
    ["dragenter", "dragover"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        event.preventDefault();
        drop.classList.add("over");
      });
    });
    ["dragleave", "dragend"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        if (!event.relatedTarget) drop.classList.remove("over");
      });
    });
    document.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("over");
      if (event.dataTransfer && event.dataTransfer.files.length) sendFile(event.dataTransfer.files[0]);
    });
    $("paste-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var content = $("paste").value;
      if (!content.trim()) {
        $("status").textContent = "请先粘贴正文 Paste some text first.";
        return;
      }
      send(JSON.stringify({ content: content }), { "Content-Type": "application/json" }, "粘贴的正文 pasted text");
    });
    $("legend").addEventListener("click", function (event) {
      var button = event.target.closest("button.key");
      if (button) toggleKind(button);
    });
    var text = $("text");
    text.addEventListener("mouseover", function (event) {
      var target = highlightOf(event);
      if (target && target !== current) showPopover(target);
      else if (!target && current && document.activeElement !== current) hidePopover();
    });
    text.addEventListener("mouseleave", function () {
      if (current && document.activeElement !== current) hidePopover();
    });
    text.addEventListener("focusin", function (event) {
      var target = highlightOf(event);
      if (target) showPopover(target);
    });
    text.addEventListener("focusout", function (event) {
      if (!highlightOf({ target: event.relatedTarget })) hidePopover();
    });
    // A tap focuses the highlight (it is focusable) and so opens it; tapping elsewhere closes it.
    text.addEventListener("click", function (event) {
      var target = highlightOf(event);
      if (target && target !== current) showPopover(target);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !$("popover").hidden) {
        hidePopover();
        event.preventDefault();
      } else if ((event.key === "Enter" || event.key === " ") && highlightOf(event)) {
        showPopover(highlightOf(event));
        event.preventDefault();
      }
    });
    window.addEventListener("resize", function () {
      if (current) place($("popover"), current);
    });
    document.body.dataset.state = "ready";
  }

  // For tests and for looking at a saved response: render a Document object as the page would.
  window.wenji = { render: render, showProblem: showProblem };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
