import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowNetwork } from '../../../src/core/assign/flow.js';

interface Edge {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
  readonly cost: number;
}

/**
 * The textbook answer, computed the slow way: successive shortest paths found by
 * Bellman-Ford on the residual network, one augmenting path at a time.
 */
function slowMinCostFlow(nodes: number, edges: readonly Edge[], source: number, sink: number): { flow: number; cost: number } {
  const arcs = edges.flatMap((e) => [
    { from: e.from, to: e.to, residual: e.capacity, cost: e.cost },
    { from: e.to, to: e.from, residual: 0, cost: -e.cost },
  ]);
  let flow = 0;
  let cost = 0;
  for (;;) {
    const dist = new Array<number>(nodes).fill(Infinity);
    const via = new Array<number>(nodes).fill(-1);
    dist[source] = 0;
    for (let round = 0; round < nodes; round++) {
      arcs.forEach((a, k) => {
        if (a.residual > 0 && dist[a.from] + a.cost < dist[a.to]) {
          dist[a.to] = dist[a.from] + a.cost;
          via[a.to] = k;
        }
      });
    }
    if (dist[sink] === Infinity) return { flow, cost };
    let bottleneck = Infinity;
    for (let v = sink; v !== source; v = arcs[via[v]].from) bottleneck = Math.min(bottleneck, arcs[via[v]].residual);
    for (let v = sink; v !== source; v = arcs[via[v]].from) {
      arcs[via[v]].residual -= bottleneck;
      arcs[via[v] ^ 1].residual += bottleneck;
    }
    flow += bottleneck;
    cost += bottleneck * dist[sink];
  }
}

function solve(nodes: number, edges: readonly Edge[], source = 0, sink = nodes - 1) {
  const net = new FlowNetwork();
  for (let v = 0; v < nodes; v++) net.addNode();
  const ids = edges.map((e) => net.addEdge(e.from, e.to, e.capacity, e.cost));
  const result = net.solve(source, sink);
  return { ...result, onEdge: ids.map((id) => net.flowOn(id)) };
}

/** Small networks: a handful of nodes, parallel edges and cycles allowed, costs 0..9. */
const network = fc.integer({ min: 2, max: 7 }).chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    edges: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: nodes - 1 }),
        to: fc.integer({ min: 0, max: nodes - 1 }),
        capacity: fc.integer({ min: 0, max: 5 }),
        cost: fc.integer({ min: 0, max: 9 }),
      }),
      { maxLength: 14 },
    ),
  }),
);

describe('minimum-cost maximum flow', () => {
  it('sends the most flow there is, at the least cost, as the slow textbook method finds', () => {
    fc.assert(
      fc.property(network, ({ nodes, edges }) => {
        const { flow, cost } = solve(nodes, edges);
        expect({ flow, cost }).toEqual(slowMinCostFlow(nodes, edges, 0, nodes - 1));
      }),
      { numRuns: 200 },
    );
  });

  it('reports per edge a flow within its capacity, conserved at every node, adding up to the total and its cost', () => {
    fc.assert(
      fc.property(network, ({ nodes, edges }) => {
        const { flow, cost, onEdge } = solve(nodes, edges);
        const net = new Array<number>(nodes).fill(0);
        edges.forEach((e, k) => {
          expect(onEdge[k]).toBeGreaterThanOrEqual(0);
          expect(onEdge[k]).toBeLessThanOrEqual(e.capacity);
          net[e.from] -= onEdge[k];
          net[e.to] += onEdge[k];
        });
        expect(net.slice(1, -1).every((x) => x === 0)).toBe(true);
        expect(net[nodes - 1]).toBe(flow);
        expect(edges.reduce((sum, e, k) => sum + e.cost * onEdge[k], 0)).toBe(cost);
      }),
      { numRuns: 200 },
    );
  });

  it('takes back flow sent on a cheap edge when that lets more flow through', () => {
    // s→a→b→t is cheapest, but the second unit needs s→b and a→t: the flow on a→b is undone.
    const [s, a, b, t] = [0, 1, 2, 3];
    const result = solve(4, [
      { from: s, to: a, capacity: 1, cost: 0 },
      { from: s, to: b, capacity: 1, cost: 5 },
      { from: a, to: b, capacity: 1, cost: 0 },
      { from: a, to: t, capacity: 1, cost: 5 },
      { from: b, to: t, capacity: 1, cost: 0 },
    ]);
    expect(result).toEqual({ flow: 2, cost: 10, onEdge: [1, 1, 0, 1, 1] });
  });

  it('sends nothing when the sink cannot be reached', () => {
    expect(solve(3, [{ from: 0, to: 1, capacity: 4, cost: 1 }])).toEqual({ flow: 0, cost: 0, onEdge: [0] });
  });

  it('refuses a negative or fractional cost', () => {
    const net = new FlowNetwork();
    const [s, t] = [net.addNode(), net.addNode()];
    expect(() => net.addEdge(s, t, 1, -1)).toThrow('flow edge cost must be a non-negative integer, got -1');
    expect(() => net.addEdge(s, t, 1, 0.5)).toThrow('got 0.5');
    expect(net.addEdge(s, t, 1, 0)).toBe(0);
    expect(net.addEdge(t, s, 1, 0)).toBe(2);
  });
});
