/** index.html's stylesheet: readable at 390 px (wide tables scroll in their own box), printable on A4 landscape. */
export const STYLE = `
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1200px;margin:0 auto;padding:24px 28px 60px}
h1{font-size:1.6em;margin:.2em 0}h2{margin-top:2em;border-bottom:2px solid #d9dde5;padding-bottom:.2em}
.meta{color:#5b6478}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{background:#fff;border:1px solid #e1e5ec;border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:1.5em}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #e1e5ec;margin:.4em 0 1em}
th,td{padding:5px 8px;border-bottom:1px solid #eef0f4;text-align:left;vertical-align:top}
th{background:#eef1f6;font-weight:600;font-size:.9em}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.zero{color:#a0a7b5}td.claim{overflow-wrap:anywhere;min-width:14em}
.bar{display:inline-block;height:9px;border-radius:2px;vertical-align:middle;margin-right:6px}
i.bar{width:18px}
.l0{background:#2f6db5}.l1{background:#e08a1e}.l2{background:#6a4fb0}.l3{background:#3f9a5b}.l4{background:#9a3f6c}
tr.belemmerend>td:first-child,tr.belemmerend>th:first-child{box-shadow:inset 4px 0 #c2574a}
tr.stimulerend>td:first-child,tr.stimulerend>th:first-child{box-shadow:inset 4px 0 #3f9a5b}
.ok{color:#2b8a3e;font-weight:700}.fail{color:#c92a2a;font-weight:700}.known{color:#b35c00;font-weight:700}
code{font-size:.9em;background:#eef1f6;padding:0 3px;border-radius:3px}
details{background:#fff;border:1px solid #e1e5ec;border-radius:8px;margin:8px 0;padding:6px 12px}
summary{cursor:pointer;padding:4px 0}details table{border:none}
.note{color:#5b6478;font-size:.9em}
.controls{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:flex-start;margin:8px 0}
.modes{border:1px solid #d9dde5;border-radius:6px;padding:4px 10px;margin:0}.modes label{margin-right:10px;white-space:nowrap}
.legend{display:none;font-size:.9em}.legend.on{display:block}.legend p{margin:2px 0}
.legend span{display:inline-block;margin-right:10px;white-space:nowrap}
.legend i{display:inline-block;width:18px;height:12px;vertical-align:middle;margin-right:4px;border:1px solid #cfd5df}
.hm-box{overflow:auto;max-height:80vh;max-width:100%;border:1px solid #d9dde5;background:#fff}
table.hm{width:auto;border:none;margin:0;font-size:12px;border-collapse:separate;border-spacing:0}
.hm th,.hm td{padding:0;border-bottom:1px solid #eef0f4;border-right:1px solid #f2f3f6}
.hm thead{position:sticky;top:0;z-index:3}
.hm thead th{background:#eef1f6;vertical-align:bottom;text-align:center}
.hm th.grp{padding:3px 6px;border-left:2px solid #8d97aa;white-space:normal;text-align:left;vertical-align:bottom}
.hm th.case,.hm thead th.t{height:10.5em}
.hm th.case a,.hm thead th.t span{display:inline-block;writing-mode:vertical-rl;transform:rotate(180deg);max-height:10.2em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;padding:4px 0}
.hm th.case a{color:inherit;text-decoration:none}
.hm tbody th,.hm tfoot th,.hm th.corner{position:sticky;left:0;z-index:2;background:#fff;text-align:left;font-weight:500;padding:2px 8px;white-space:nowrap;max-width:24em;overflow:hidden;text-overflow:ellipsis}
.hm th.corner{z-index:4;background:#eef1f6;vertical-align:bottom}
.hm tbody th a{color:inherit;text-decoration:none}.hm a:hover{text-decoration:underline}
.hm tr.sq th{background:#33415c;color:#fff;font-weight:600;padding:4px 8px;max-width:none;position:static}
.hm tr.cat th{background:#f3f5f8;color:#33415c;font-weight:600;padding:3px 8px;max-width:none;position:static}
.hm tr.sq th span,.hm tr.cat th span{position:sticky;left:8px}
.hm tr.cat em{font-weight:400;color:#5b6478;margin-left:6px}
.hm td{width:26px;min-width:26px;height:22px;text-align:center;font-variant-numeric:tabular-nums}
.hm td a{display:block;line-height:22px;color:inherit;text-decoration:none}
.hm .gs{border-left:2px solid #8d97aa}
.hm td.t{background:#f6f7f9;font-weight:600;min-width:34px;padding:0 3px}.hm td.t.z{color:#b3b9c5;font-weight:400}
.hm tfoot td,.hm tfoot th{border-top:2px solid #8d97aa;background:#eef1f6}
.h0{background:#fff}.h1{background:#e3eef9}.h2{background:#b8d4ee}.h3{background:#7eb0de}.h4{background:#3f7fc4;color:#fff}.h5{background:#1c4f91;color:#fff}
.hm td.sel{outline:3px solid #e08a1e;outline-offset:-3px}
a:focus-visible,.hm-box:focus-visible,button:focus-visible{outline:3px solid #e08a1e;outline-offset:1px}
#drill{position:fixed;top:0;right:0;bottom:0;width:min(520px,100vw);background:#fff;border-left:1px solid #c9cfda;box-shadow:-6px 0 24px rgba(20,30,50,.18);overflow:auto;z-index:10;padding:12px 16px 40px}
#drill[hidden]{display:none}
#drill .head{display:flex;gap:8px;align-items:flex-start;justify-content:space-between;position:sticky;top:-12px;background:#fff;padding:6px 0}
#drill h3{margin:0;font-size:1.1em}#drill h3:focus{outline:none}
#drill button{font:inherit;border:1px solid #c9cfda;background:#f3f5f8;border-radius:6px;padding:2px 10px;cursor:pointer}
#drill h4{margin:1em 0 .3em;color:#33415c}
#drill ol,#drill ul{padding-left:1.2em;margin:.3em 0}
#drill li{margin:.5em 0}
#drill blockquote{margin:0;padding:2px 8px;border-left:3px solid #7eb0de;background:#f6f8fb;overflow-wrap:anywhere}
#drill .src{color:#5b6478;font-size:.85em;overflow-wrap:anywhere}
@media (max-width:600px){main{padding:12px 10px 40px}.hm tbody th,.hm tfoot th{max-width:9.5em}h1{font-size:1.3em}}
@page{size:A4 landscape;margin:10mm}
@media print{
body{background:#fff;font-size:10pt}main{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.controls .modes,#drill{display:none}
.hm-box{overflow:visible;max-height:none;border:none}
.hm thead{position:static}.hm tbody th,.hm tfoot th{position:static}
.hm{font-size:7pt}.hm td{width:auto;min-width:0;height:auto}.hm td a{line-height:1.5}
.hm tbody th{max-width:16em}
details{break-inside:auto}details>*{display:revert}
h2{break-after:avoid}tr{break-inside:avoid}
}
`;
