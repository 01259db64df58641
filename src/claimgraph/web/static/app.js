// claimgraph workbench: the few things that need JavaScript. Every page works without it.
"use strict";

(function () {
  const token = document.querySelector('meta[name="csrf-token"]')?.content || "";

  // htmx requests carry the CSRF token the server wrote into the page.
  document.addEventListener("htmx:configRequest", (event) => {
    event.detail.headers["X-CSRF-Token"] = token;
  });

  const COLOURS = { affirmed: "#2f7d4f", denied: "#b3261e" };
  const SHAPES = { group: "round-rectangle", person: "ellipse", organization: "hexagon", place: "triangle", outlet: "diamond" };

  function elementsOf(data) {
    const nodes = data.nodes.map((n) => ({ group: "nodes", data: { id: n.id, label: n.name, type: n.type } }));
    const edges = data.edges.map((e) => ({
      group: "edges",
      data: {
        id: e.id, source: e.source, target: e.target, predicate: e.predicate, polarity: e.polarity,
        label: (e.polarity === "denied" ? "not " : "") + e.predicate.replaceAll("_", " ") + (e.hedged ? "?" : ""),
      },
    }));
    return nodes.concat(edges);
  }

  // Rings around the page's actor: its neighbours first, then what expanding them brought in.
  function layoutFor(centre) {
    return {
      name: "concentric", animate: false, fit: true, padding: 40, minNodeSpacing: 140,
      concentric: (n) => (n.id() === centre ? 3 : n.edgesWith("#" + centre).length ? 2 : 1),
      levelWidth: () => 1,
    };
  }

  function fetchGraph(actor) {
    return fetch("/api/graph?actor=" + encodeURIComponent(actor) + "&depth=1", { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error("graph " + r.status))));
  }

  function startGraph(box) {
    if (typeof window.cytoscape !== "function") return;
    const status = document.getElementById("ego-status");
    fetchGraph(box.dataset.actor).then((data) => {
      const cy = window.cytoscape({
        container: box,
        elements: elementsOf(data),
        minZoom: 0.2,
        maxZoom: 1.6,
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#4a5d7e",
            "text-valign": "bottom", "text-margin-y": 4, shape: (n) => SHAPES[n.data("type")] || "ellipse" } },
          { selector: "node[id = '" + box.dataset.actor + "']", style: { "background-color": "#c77d0a" } },
          { selector: "edge", style: { width: 1.5, "curve-style": "bezier", "target-arrow-shape": "triangle",
            label: "data(label)", "font-size": 10, "text-rotation": "autorotate", color: "#333",
            "line-color": (e) => COLOURS[e.data("polarity")] || "#777",
            "target-arrow-color": (e) => COLOURS[e.data("polarity")] || "#777" } },
          { selector: "edge[polarity = 'denied']", style: { "line-style": "dashed" } },
        ],
        layout: layoutFor(box.dataset.actor),
      });
      window.cgGraph = cy;
      const say = (text) => { if (status) status.textContent = text; };
      say(cy.nodes().length + " actors, " + cy.edges().length + " relations" + (data.truncated ? " (capped)" : "") + ". Click an actor to expand it.");
      cy.on("tap", "node", (event) => {
        const id = event.target.id();
        fetchGraph(id).then((more) => {
          const fresh = elementsOf(more).filter((el) => cy.getElementById(el.data.id).length === 0);
          cy.add(fresh);
          cy.layout(layoutFor(box.dataset.actor)).run();
          box.dataset.expanded = (box.dataset.expanded ? box.dataset.expanded + " " : "") + id;
          say(cy.nodes().length + " actors, " + cy.edges().length + " relations after expanding " + event.target.data("label") + ".");
        }).catch((err) => say("could not expand: " + err.message));
      });
    }).catch((err) => { if (status) status.textContent = "graph unavailable: " + err.message; });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const box = document.getElementById("ego");
    if (box) startGraph(box);
  });
})();
