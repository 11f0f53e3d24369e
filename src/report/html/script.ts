/**
 * index.html's script, as text for an inline <script>. It reads the page's JSON (#werkscan-data) and
 * builds the drill-down of a cell, code or case when asked (a click, Enter or Space on its link, or a
 * `#cell=CASE/CODE`, `#code=CODE`, `#case=CASE` fragment on opening), with DOM nodes and textContent only
 * (nothing from the data is parsed as HTML). Escape closes it and gives the focus back. The toggle
 * shows the counts of another mode from each cell's `data-v`. No template literals below: this file is one.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('werkscan-data').textContent);
  var W = D.words;
  var table = document.querySelector('table.hm');
  var drill = document.getElementById('drill');
  var title = document.getElementById('drill-title');
  var content = document.getElementById('drill-body');
  var caseIx = {}, codeIx = {};
  D.cases.forEach(function (c, i) { caseIx[c[0]] = i; });
  D.codes.forEach(function (c, i) { codeIx[c[0]] = i; });
  var opener = null, selected = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }
  function count(n) { return n + ' ' + (n === 1 ? W.segment : W.segments); }

  // s: [id, code, case, doc, line, speaker, role, text]
  function segmentItem(s) {
    var li = el('li', 'seg');
    li.setAttribute('data-seg', s[0]);
    li.appendChild(el('blockquote', null, s[7]));
    var who = s[5] === null ? W.document : s[5] + (s[6] ? ' (' + s[6] + ')' : '');
    var doc = D.docs[s[3]];
    li.appendChild(el('div', 'src', who + ' \\u00b7 ' + doc[0] + ' \\u00b7 ' + doc[1] + ':' + s[4] + ' \\u00b7 ' + s[0]));
    return li;
  }
  // c: [id, mark, section, claim, quantifier, k, n, unit, margin, codes, cases]
  function claimItem(c) {
    var li = el('li', 'claim');
    li.setAttribute('data-claim', c[0]);
    var mark = el('span', c[1] === '\\u2713' ? 'ok' : c[1] === '\\u2260' ? 'known' : 'fail', c[1]);
    li.appendChild(mark);
    li.appendChild(document.createTextNode(' \\u00a7' + c[2] + ' ' + c[3]));
    li.appendChild(el('div', 'src', c[4] + ' \\u00b7 ' + c[5] + '/' + c[6] + ' ' + c[7] + ' \\u00b7 ' + W.margin + ' ' + c[8] + ' \\u00b7 ' + c[0]));
    return li;
  }
  function list(items, make, ordered) {
    var ol = el(ordered ? 'ol' : 'ul');
    items.forEach(function (x) { ol.appendChild(make(x)); });
    return ol;
  }
  // Segments under a heading per case (a code's drill-down) or per code (a case's).
  function grouped(segs, key, name) {
    var box = el('div');
    var last = -1, ol = null;
    segs.slice().sort(function (a, b) { return a[key] - b[key]; }).forEach(function (s) {
      if (s[key] !== last) {
        last = s[key];
        var n = segs.filter(function (t) { return t[key] === last; }).length;
        box.appendChild(el('h4', null, name(last) + ' \\u2014 ' + count(n)));
        ol = box.appendChild(el('ol'));
      }
      ol.appendChild(segmentItem(s));
    });
    return box;
  }

  function show(kind, a, b) {
    var segs, claims, heading;
    if (kind === 'cell') {
      segs = D.segs.filter(function (s) { return s[2] === a && s[1] === b; });
      claims = D.claims.filter(function (c) { return c[9].indexOf(b) >= 0 && c[10].indexOf(a) >= 0; });
      heading = D.codes[b][1] + ' ' + W.inCase + ' ' + D.cases[a][1];
    } else if (kind === 'code') {
      segs = D.segs.filter(function (s) { return s[1] === a; });
      claims = D.claims.filter(function (c) { return c[9].indexOf(a) >= 0; });
      heading = W.code + ': ' + D.codes[a][1];
    } else {
      segs = D.segs.filter(function (s) { return s[2] === a; });
      var coded = {};
      segs.forEach(function (s) { coded[s[1]] = true; });
      claims = D.claims.filter(function (c) { return c[10].indexOf(a) >= 0 && c[9].some(function (k) { return coded[k]; }); });
      heading = D.cases[a][1];
    }
    title.textContent = heading + ' \\u2014 ' + count(segs.length);
    content.textContent = '';
    if (segs.length === 0) content.appendChild(el('p', 'note', W.noSegments));
    else if (kind === 'cell') content.appendChild(list(segs, segmentItem, true));
    else if (kind === 'code') content.appendChild(grouped(segs, 2, function (i) { return D.cases[i][1]; }));
    else content.appendChild(grouped(segs, 1, function (i) { return D.codes[i][1]; }));
    content.appendChild(el('h4', null, W.claims + ' (' + claims.length + ')'));
    content.appendChild(claims.length ? list(claims, claimItem, false) : el('p', 'note', W.noClaims));
    drill.hidden = false;
    title.focus();
  }

  function select(td) {
    if (selected) selected.classList.remove('sel');
    selected = td;
    if (td) td.classList.add('sel');
  }

  // '#cell=CASE/CODE', '#code=CODE', '#case=CASE': opens it and says whether it could.
  function open(hash) {
    var m = /^#(cell|code|case)=(.+)$/.exec(hash || '');
    if (!m) return false;
    var parts = m[2].split('/').map(function (p) { try { return decodeURIComponent(p); } catch (e) { return ''; } });
    var link = document.querySelector('a[href="' + hash.replace(/["\\\\]/g, '') + '"]');
    if (m[1] === 'cell' && parts.length === 2 && parts[0] in caseIx && parts[1] in codeIx) show('cell', caseIx[parts[0]], codeIx[parts[1]]);
    else if (m[1] === 'code' && parts[0] in codeIx) show('code', codeIx[parts[0]]);
    else if (m[1] === 'case' && parts[0] in caseIx) show('case', caseIx[parts[0]]);
    else return false;
    select(link && m[1] === 'cell' ? link.parentNode : null);
    if (link) opener = link;
    return true;
  }

  function close() {
    if (drill.hidden) return;
    drill.hidden = true;
    select(null);
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    if (opener) opener.focus();
  }

  var LINK = 'a[href^="#cell="],a[href^="#code="],a[href^="#case="]';
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest(LINK) : null;
    if (!a) return;
    e.preventDefault();
    var hash = a.getAttribute('href');
    history.replaceState(null, '', hash);
    open(hash);
    opener = a;
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !drill.hidden) { e.preventDefault(); close(); return; }
    var a = e.target.closest ? e.target.closest(LINK) : null;
    if (a && (e.key === ' ' || e.key === 'Spacebar')) { e.preventDefault(); a.click(); }
  });
  document.getElementById('drill-close').addEventListener('click', close);
  window.addEventListener('hashchange', function () { if (!open(location.hash)) close(); });

  // The toggle: every cell and total holds its three counts in data-v.
  var cells = table.querySelectorAll('td[data-v]');
  function mode(m) {
    table.setAttribute('data-mode', m);
    for (var i = 0; i < cells.length; i++) {
      var td = cells[i];
      var v = Number(td.getAttribute('data-v').split(' ')[m]);
      var target = td.firstElementChild || td;
      target.textContent = String(v);
      if (td.classList.contains('t')) td.classList.toggle('z', v === 0);
      else {
        td.className = td.className.replace(/\\bh\\d\\b/, '').trim() + ' h' + level(D.scales[m], v);
      }
    }
    document.querySelectorAll('.legend[data-mode]').forEach(function (l) { l.classList.toggle('on', l.getAttribute('data-mode') === String(m)); });
  }
  function level(scale, v) {
    if (v <= 0) return 0;
    for (var i = 0; i < scale.length; i++) if (v <= scale[i][0]) return scale[i][1];
    return scale[scale.length - 1][1];
  }
  document.querySelectorAll('input[name="hm-mode"]').forEach(function (r) {
    r.addEventListener('change', function () { if (r.checked) mode(Number(r.value)); });
  });
  window.addEventListener('beforeprint', function () { document.querySelectorAll('details').forEach(function (d) { d.open = true; }); });

  if (open(location.hash) && selected) selected.scrollIntoView({ block: 'center', inline: 'center' });
})();
`;
