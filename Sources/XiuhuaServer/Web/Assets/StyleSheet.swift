/// `/assets/xiuhua.css`: one style sheet, phone first (375 px), with a wide layout for
/// the console and a dark, large-type layout for the 1920 px wall screen. Colours keep a
/// contrast of at least 4.5:1 for text.
enum StyleSheet {
    static let text = #"""
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1b1b1b; background: #f4f3ef; }
a { color: #0645ad; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, .xmap:focus-visible { outline: 3px solid #f0a30a; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; padding: .6rem 1rem; background: #8b1a1a; color: #fff; }
.top a { color: #fff; text-decoration: none; }
.top a:hover, .top a[aria-current] { text-decoration: underline; text-underline-offset: 4px; }
.brand { font-weight: 700; font-size: 1.05rem; margin-right: auto; }
.top nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
.lang { border: 1px solid rgba(255,255,255,.7); border-radius: 4px; padding: 0 .5rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
.area-console main, .area-console .foot { max-width: 90rem; }
.area-board main, .area-board .foot { max-width: 76rem; }
.foot { max-width: 60rem; margin: 0 auto; padding: 1rem; color: #555; font-size: .85rem; }
h1 { font-size: 1.45rem; line-height: 1.3; margin: .5rem 0 1rem; color: #5c0f0f; }
h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
.lead { margin-top: -.5rem; color: #333; }
.card { background: #fff; border: 1px solid #deddd6; border-radius: 8px; padding: 1rem; margin: 0 0 1rem; }
.card.narrow { max-width: 24rem; margin: 2rem auto; }
.card.done { border-color: #1e7b34; background: #f0f8f1; }
.field { margin: 0 0 1.1rem; border: 0; padding: 0; }
fieldset { border: 1px solid #deddd6; border-radius: 6px; padding: .5rem .75rem; margin: 0 0 .75rem; min-width: 0; }
fieldset.field { border: 0; padding: 0; }
legend, label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
label.choice { display: inline-flex; align-items: center; gap: .35rem; font-weight: 400; margin-right: 1rem; min-height: 44px; }
.opt { font-weight: 400; color: #555; }
input[type=text], input[type=search], input[type=tel], input[type=password], select, textarea {
  width: 100%; font: inherit; padding: .55rem .6rem; border: 1px solid #767676; border-radius: 6px; background: #fff; color: inherit; min-height: 44px; }
input[type=file] { font: inherit; max-width: 100%; }
textarea { resize: vertical; }
.category-search { margin-bottom: .4rem; }
.hint { color: #4d4d4d; font-size: .875rem; margin: .25rem 0; }
.field-error { color: #a4161a; font-weight: 600; margin: .25rem 0; }
[aria-invalid=true] { border-color: #a4161a !important; border-width: 2px !important; }
button { font: inherit; cursor: pointer; min-height: 44px; border-radius: 6px; padding: .5rem 1.2rem; }
button.primary { background: #8b1a1a; color: #fff; border: 0; font-weight: 600; }
button.primary:hover { background: #6e1414; }
button.secondary { background: #fff; color: #5c0f0f; border: 1px solid #8b1a1a; }
button.link { background: none; border: 0; color: #fff; padding: 0; min-height: 0; text-decoration: underline; }
form.inline { display: inline; }
.report button.primary { width: 100%; font-size: 1.1rem; }
.field.two { display: grid; gap: .5rem; }
@media (min-width: 40rem) { .field.two { grid-template-columns: 1fr 1fr; } }
.notice { border-radius: 6px; padding: .6rem .9rem; margin: 0 0 1rem; }
.notice ul { margin: 0; padding-left: 1.2rem; }
.notice.bad { background: #fdecea; border: 1px solid #a4161a; color: #6b0f12; }
.notice.good { background: #eaf6ec; border: 1px solid #1e7b34; color: #124a20; }
.map { position: relative; height: 260px; border: 1px solid #b9b8b0; border-radius: 6px; background: #e8eef0; overflow: hidden; }
.map.tall { height: 100%; min-height: 420px; }
.xmap { width: 100%; height: 100%; display: block; touch-action: none; cursor: crosshair; }
.xmap path { vector-effect: non-scaling-stroke; }
.area-community { fill: rgba(255,255,255,.35); stroke: #7d8a91; stroke-width: .6; }
.area-street { fill: rgba(255,255,255,.15); stroke: #304a5a; stroke-width: 1.6; }
.cell { fill: none; stroke: #9fb0b8; stroke-width: .4; }
.case-cell { fill: rgba(139,26,26,.25); stroke: #8b1a1a; stroke-width: 2; }
.map-point { fill: #c8102e; stroke: #fff; stroke-width: 2; vector-effect: non-scaling-stroke; }
.map-point-halo { fill: none; stroke: #c8102e; stroke-width: 2; vector-effect: non-scaling-stroke; }
.map-controls { position: absolute; right: .4rem; top: .4rem; display: flex; flex-direction: column; gap: .25rem; }
.map-controls button { width: 44px; height: 44px; padding: 0; background: #fff; border: 1px solid #767676; font-size: 1.3rem; line-height: 1; }
.map-actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
output.ok { color: #124a20; font-weight: 600; }
output.bad { color: #a4161a; font-weight: 600; }
.ticket-code { font-size: 1.1rem; }
.ticket-code strong { font-size: 2rem; letter-spacing: .15em; font-family: ui-monospace, "DejaVu Sans Mono", monospace; color: #5c0f0f; display: block; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
.facts dt { color: #4d4d4d; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.description { white-space: pre-wrap; overflow-wrap: anywhere; background: #f8f7f3; padding: .6rem; border-radius: 6px; }
.status { color: #5c0f0f; }
.photos { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
.photos img { width: 150px; height: 112px; object-fit: cover; border-radius: 6px; border: 1px solid #deddd6; }
.thumb { width: 64px; height: 48px; object-fit: cover; border-radius: 4px; margin: .25rem .25rem 0 0; }
.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid #d7c7c7; }
.timeline li { padding: .2rem 0 .6rem 1rem; position: relative; }
.timeline li::before { content: ""; position: absolute; left: -8px; top: .65rem; width: 13px; height: 13px; border-radius: 50%; background: #8b1a1a; }
.timeline time { color: #4d4d4d; font-variant-numeric: tabular-nums; margin-right: .4rem; }
.timeline p { margin: .2rem 0; }
.who { color: #4d4d4d; margin: 0; }
.tabs { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0 0 1rem; }
.tab { padding: .45rem .9rem; border: 1px solid #8b1a1a; border-radius: 999px; text-decoration: none; color: #5c0f0f; background: #fff; }
.tab.current { background: #8b1a1a; color: #fff; }
.tab .count { font-weight: 700; margin-left: .25rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: #fff; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid #e3e2dc; vertical-align: top; }
thead th { background: #f1efe8; font-size: .9rem; white-space: nowrap; }
.ranking th[scope=row] { min-width: 7em; }
@media (max-width: 30rem) { th, td { padding: .4rem .35rem; font-size: .9rem; } }
.board-grid > *, .case-grid > *, #panels > * { min-width: 0; }
.thumbs { display: flex; flex-wrap: wrap; }
.empty { color: #4d4d4d; }
.pager { display: flex; gap: 1rem; margin: 1rem 0; }
.light { display: inline-block; padding: 0 .45rem; border-radius: 4px; font-size: .85rem; font-weight: 700; }
.light.green { background: #d8f0dd; color: #14532d; }
.light.yellow { background: #fff1b8; color: #5c4400; }
.light.red { background: #fbd5d5; color: #7f1d1d; }
.light.paused { background: #e5e7eb; color: #374151; }
.case-grid { display: grid; gap: 1rem; }
.case-grid .card { margin: 0; }
@media (min-width: 62rem) { .case-grid { grid-template-columns: 1fr 1fr; } }
h1 .number { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 1.2rem; }
h1 .state { display: inline-block; font-size: 1rem; background: #5c0f0f; color: #fff; border-radius: 4px; padding: .1rem .5rem; vertical-align: middle; }
.actions { display: grid; gap: .75rem; }
.action fieldset { margin: 0; }
.action legend { font-size: 1.05rem; color: #5c0f0f; }
.inline-choices { border: 0; padding: 0; margin: 0; }
.board-grid { display: grid; gap: 1rem; }
@media (min-width: 60rem) { .board-grid { grid-template-columns: 1fr 1fr; } }
.ranking td:nth-child(n+3) { font-variant-numeric: tabular-nums; }
.closed-cases { list-style: none; padding: 0; display: grid; gap: 1rem; }
@media (min-width: 40rem) { .closed-cases { grid-template-columns: repeat(2, 1fr); } }
@media (min-width: 60rem) { .closed-cases { grid-template-columns: repeat(3, 1fr); } }
.closed-case h3 { margin-top: 0; }
.before-after { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
.before-after figure { margin: 0; }
.before-after img, .nophoto div { width: 100%; aspect-ratio: 4 / 3; object-fit: cover; border-radius: 6px; background: #e5e4de; display: flex; align-items: center; justify-content: center; color: #4d4d4d; }
figcaption { font-size: .85rem; color: #4d4d4d; text-align: center; }

/* The wall screen: dark, large type, two columns at 1920 px. */
.area-dashboard { background: #0b1622; color: #e8eef4; }
.area-dashboard .top { background: #13263a; }
.area-dashboard main { max-width: none; padding: .75rem 1.25rem; }
.area-dashboard .foot { display: none; }
.area-dashboard a { color: #9cc9ff; }
.wall-head { display: flex; align-items: baseline; gap: 1.5rem; }
.wall-head h1 { color: #fff; font-size: 2rem; margin: 0 0 .5rem; }
.live { color: #6ee7a0; font-weight: 700; margin: 0; }
.live::before { content: "● "; }
.live.off { color: #fca5a5; }
.wall-body { display: grid; gap: 1rem; }
@media (min-width: 75rem) { .wall-body { grid-template-columns: 50% 1fr; height: calc(100vh - 7.5rem); } }
#panels { display: grid; gap: .75rem; grid-template-columns: 1fr 1fr; align-content: start; overflow: auto; }
.panel { background: #13263a; border: 1px solid #24405c; border-radius: 8px; padding: .75rem 1rem; }
.panel.totals { grid-column: 1 / -1; }
.panel h2 { color: #cfe3f7; font-size: 1.2rem; display: flex; align-items: baseline; gap: .75rem; margin-bottom: .4rem; }
.panel h3 { margin: .5rem 0 .25rem; }
.panel h3 { color: #a9c1d9; font-size: .95rem; }
.big { font-size: 2.2rem; line-height: 1.1; color: #fff; font-variant-numeric: tabular-nums; }
.big.red { color: #ff8a8a; }
.tiles { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr)); gap: .4rem; }
.tiles li { background: #0f1f30; border-radius: 6px; padding: .25rem .5rem; display: flex; flex-direction: column; }
.tiles .n { font-size: 1.5rem; line-height: 1.2; font-weight: 700; font-variant-numeric: tabular-nums; color: #fff; }
.tiles .k { color: #b7c9db; font-size: .9rem; }
.tiles.lights { grid-template-columns: repeat(4, 1fr); }
.light-tile.green { border-left: 6px solid #22c55e; }
.light-tile.yellow { border-left: 6px solid #facc15; }
.light-tile.red { border-left: 6px solid #ef4444; }
.light-tile.paused { border-left: 6px solid #94a3b8; }
.bars { list-style: none; padding: 0; margin: 0; }
.bars li { display: grid; grid-template-columns: 7.5rem 1fr 2.5rem; gap: .5rem; align-items: center; padding: .1rem 0; }
.bars .k { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: #d6e2ee; }
.bars .n { text-align: right; font-variant-numeric: tabular-nums; font-weight: 700; }
.bars meter { width: 100%; height: .9rem; }
.area-dashboard table { background: transparent; color: inherit; }
.area-dashboard th, .area-dashboard td { border-color: #24405c; padding: .3rem .4rem; font-size: .9rem; }
.area-dashboard thead th { background: #0f1f30; color: #b7c9db; }
.area-dashboard .hint { color: #a9c1d9; }
.updated { grid-column: 1 / -1; color: #a9c1d9; margin: 0; }
.map-panel { display: flex; flex-direction: column; min-height: 480px; }
.map-panel .map { flex: 1; background: #0f1f30; border-color: #24405c; }
.area-dashboard .area-street { fill: #16324d; stroke: #5b86ad; stroke-width: 1.2; }
.area-dashboard .area-street.heat-1 { fill: #1d4a6b; }
.area-dashboard .area-street.heat-2 { fill: #2a5f7e; }
.area-dashboard .area-street.heat-3 { fill: #6b5a2a; }
.area-dashboard .area-street.heat-4 { fill: #8a4a1f; }
.area-dashboard .area-street.heat-5 { fill: #9b2c2c; }
.cell.hot { stroke: none; }
.cell.hot-1 { fill: #fbbf24; }
.cell.hot-2 { fill: #f97316; }
.cell.hot-3 { fill: #ef4444; }
.map-label { fill: #e8eef4; font-size: 300px; text-anchor: middle; paint-order: stroke; stroke: #0b1622; stroke-width: 80px; }
.legend { display: flex; gap: .5rem; align-items: center; color: #a9c1d9; margin: .4rem 0 0; }
.ramp { display: inline-block; width: 10rem; height: .8rem; border-radius: 3px; background: linear-gradient(90deg, #16324d, #2a5f7e, #6b5a2a, #8a4a1f, #9b2c2c); }
.grade { display: inline-block; min-width: 1.4em; color: #fff; padding: 0 .35rem; border-radius: .2rem; font-weight: 700; text-align: center; }
.grade-A { background: #1a7f37; } .grade-B { background: #0b57d0; } .grade-C { background: #8a6d00; } .grade-D { background: #b45309; } .grade-E { background: #c62828; }
/* The console's shop pages: the filter row, and overdue notices marked beyond their colour. */
.filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
tr.overdue { background: #fdecea; }
tr.overdue td:first-child { border-left: 4px solid #a4161a; }
"""#
}
