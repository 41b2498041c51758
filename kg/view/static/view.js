// kg's controls for the graph view: search, filters by type / predicate / language /
// confidence, focus on a neighbourhood, physics on or off. Runs after pyvis's drawGraph(),
// which defines the globals `network`, `nodes` and `edges` (vis DataSets).
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const checked = (box) => new Set(
    Array.from(box.querySelectorAll("input:checked")).map((i) => i.value));
  const state = { focus: null };

  function read() {
    state.types = checked($("kg-types"));
    state.predicates = checked($("kg-predicates"));
    state.lang = $("kg-lang").value;
    state.confidence = parseFloat($("kg-confidence").value);
    $("kg-confidence-value").textContent = state.confidence.toFixed(2);
  }

  function nodeShown(n) {
    if (!state.types.has(n.kgType)) return false;
    if (state.lang && !n.kgLangs.includes(state.lang)) return false;
    return !state.focus || state.focus.has(n.id);
  }

  function edgeShown(e, shown) {
    if (!shown.has(e.from) || !shown.has(e.to)) return false;
    if (!e.kgPredicates.some((p) => state.predicates.has(p))) return false;
    if (state.lang && !e.kgLangs.includes(state.lang)) return false;
    return e.kgConfidence >= state.confidence;
  }

  function apply() {
    read();
    const shown = new Set();
    nodes.update(nodes.get().map((n) => {
      const on = nodeShown(n);
      if (on) shown.add(n.id);
      return { id: n.id, hidden: !on };
    }));
    let edgeCount = 0;
    edges.update(edges.get().map((e) => {
      const on = edgeShown(e, shown);
      if (on) edgeCount += 1;
      return { id: e.id, hidden: !on };
    }));
    $("kg-count").textContent = `${shown.size} nodes, ${edgeCount} edges shown`;
  }

  function search() {
    const text = $("kg-search").value.trim().toLowerCase();
    if (!text) { network.unselectAll(); return; }
    const hits = nodes.get({ filter: (n) => !n.hidden && n.kgNames.some(
      (name) => name.toLowerCase().includes(text)) }).map((n) => n.id);
    network.selectNodes(hits);
    if (hits.length) network.fit({ nodes: hits, animation: false });
    $("kg-count").textContent = `${hits.length} found`;
  }

  function focus() {
    const chosen = network.getSelectedNodes();
    if (!chosen.length) return;
    state.focus = new Set(chosen);
    chosen.forEach((id) => network.getConnectedNodes(id).forEach((n) => state.focus.add(n)));
    apply();
    network.fit({ nodes: Array.from(state.focus), animation: false });
  }

  function reset() {
    state.focus = null;
    document.querySelectorAll("#kg-controls input[type=checkbox].kg-filter")
      .forEach((box) => { box.checked = true; });
    $("kg-lang").value = "";
    $("kg-confidence").value = 0;
    $("kg-search").value = "";
    apply();
    network.fit({ animation: false });
  }

  document.querySelectorAll("#kg-controls .kg-filter")
    .forEach((el) => el.addEventListener("input", apply));
  $("kg-search").addEventListener("input", search);
  $("kg-focus").addEventListener("click", focus);
  $("kg-reset").addEventListener("click", reset);
  network.on("doubleClick", (params) => { if (params.nodes.length) focus(); });
  $("kg-physics").addEventListener("change", (ev) =>
    network.setOptions({ physics: { enabled: ev.target.checked } }));
  window.kgView = {
    apply, search, focus, reset,
    shown: () => ({
      nodes: nodes.get({ filter: (n) => !n.hidden }).length,
      edges: edges.get({ filter: (e) => !e.hidden }).length,
    }),
  };
  apply();
})();
