import { describe, expect, it } from 'vitest'

import { executionGraph, logSubagentId, phaseOfPrompt } from './execution-graph'
import { subagentsFromLogs } from './subagents'
import { at, attempt, planRun, planTask, subagentCall, type ExecutionInput } from './test-fixtures'

const ids = (graph: { nodes: { id: string }[] }) => graph.nodes.map((node) => node.id)
const links = (graph: { edges: { source: string; target: string; kind: string }[] }) =>
  graph.edges.map((edge) => `${edge.source}->${edge.target}:${edge.kind}`).sort()

describe('executionGraph of a plan run', () => {
  const plan = [planTask('plan'), planTask('api', ['plan']), planTask('ui', ['plan'], { agent: 'frontend' }), planTask('ship', ['api', 'ui'])]

  it('shows every plan task, pending until it starts, with its dependencies', () => {
    const graph = executionGraph(planRun(plan, [attempt('plan', { status: 'running', started_at: at(0) })]))
    expect(ids(graph)).toEqual(['plan', 'api', 'ui', 'ship'])
    expect(graph.nodes.map((node) => node.state)).toEqual(['running', 'pending', 'pending', 'pending'])
    expect(graph.nodes[2]).toMatchObject({ kind: 'task', taskId: 'ui', agent: 'frontend', attempts: 0, attempt: 1 })
    expect(links(graph)).toEqual(['api->ship:dependency', 'plan->api:dependency', 'plan->ui:dependency', 'ui->ship:dependency'])
  })

  it('takes state and times from the latest attempt, tokens and cost from all of them', () => {
    const graph = executionGraph(
      planRun(plan, [
        attempt('plan', { attempt: 2, status: 'completed', started_at: at(5000), completed_at: at(9000), cost_usd: 0.5, input_tokens: 10 }),
        attempt('plan', { attempt: 1, status: 'failed', error: 'boom', started_at: at(0), completed_at: at(1000), cost_usd: 0.25, input_tokens: 5 }),
      ]),
    )
    expect(graph.nodes[0]).toMatchObject({ state: 'completed', attempt: 2, attempts: 2, startedAt: at(5000), error: null, costUsd: 0.75, inputTokens: 15 })
  })

  it('hangs subagents found in the log from their task, with a spawned edge', () => {
    const logs = [...subagentCall('api', 'toolu_1', { description: 'Review the plan', type: 'general-purpose', open: true })]
    const graph = executionGraph(planRun(plan), subagentsFromLogs(logs))
    // Right after its task: the layout's first order follows the input.
    expect(ids(graph)).toEqual(['plan', 'api', 'sub:toolu_1@api', 'ui', 'ship'])
    expect(graph.nodes[2]).toMatchObject({ kind: 'subagent', label: 'Review the plan', agent: 'general-purpose', state: 'running', parentId: 'api', taskId: 'api' })
    expect(links(graph)).toContain('api->sub:toolu_1@api:spawned')
    expect(logSubagentId(graph.nodes[2]!)).toBe('toolu_1')
  })

  it('keeps apart subagents of different tasks whose tool calls share an id (ids are unique per session only)', () => {
    const logs = [...subagentCall('plan', 'toolu_task'), ...subagentCall('api', 'toolu_task', { open: true })]
    const graph = executionGraph(planRun(plan), subagentsFromLogs(logs))
    expect(graph.nodes.filter((node) => node.kind === 'subagent').map((node) => [node.id, node.parentId, node.state])).toEqual([
      ['sub:toolu_task@plan', 'plan', 'completed'],
      ['sub:toolu_task@api', 'api', 'running'],
    ])
  })

  it('joins tasks that share the same two or more dependencies through one node (plans written as phases)', () => {
    const phased = [
      planTask('a', [], { phase: 'Design' }),
      planTask('b', [], { phase: 'Design' }),
      planTask('c', ['a', 'b'], { phase: 'Build' }),
      planTask('d', ['b', 'a'], { phase: 'Build' }),
      planTask('e', ['a'], { phase: 'Build' }),
    ]
    const graph = executionGraph(planRun(phased))
    expect(graph.nodes.find((node) => node.kind === 'join')).toMatchObject({ id: 'join:a+b' })
    expect(links(graph)).toEqual([
      'a->e:dependency',
      'a->join:a+b:dependency',
      'b->join:a+b:dependency',
      'join:a+b->c:dependency',
      'join:a+b->d:dependency',
    ])
    expect(graph.nodes.find((node) => node.id === 'c')?.phase).toBe('Build')
  })

  it('ignores dependencies on tasks the plan does not have', () => {
    const graph = executionGraph(planRun([planTask('a', ['ghost'])]))
    expect(graph.edges).toEqual([])
  })
})

describe('executionGraph of runs without a plan', () => {
  it('builds a Claude Code session from its task and the subagents that point at it', () => {
    const session: ExecutionInput = {
      kind: 'session',
      source: 'hooks',
      plan: null,
      tasks: [
        attempt('session', { id: 'att-s', agent: 'claude', status: 'running', started_at: at(0) }),
        attempt('code-reviewer-a1', { id: 'att-r', agent: 'code-reviewer', parent_id: 'att-s', status: 'completed' }),
        attempt('explore-b2', { id: 'att-e', agent: 'Explore', parent_id: 'att-s', status: 'running' }),
        attempt('nested-c3', { id: 'att-n', agent: 'helper', parent_id: 'att-e', status: 'pending' }),
      ],
    }
    // The session's log has the same subagents as Task calls: they must not show twice.
    const graph = executionGraph(session, subagentsFromLogs(subagentCall('session', 'toolu_x')))
    expect(ids(graph)).toEqual(['session', 'sub:att-r', 'sub:att-e', 'sub:att-n'])
    expect(logSubagentId(graph.nodes[1]!)).toBeNull()
    expect(graph.nodes[1]).toMatchObject({ kind: 'subagent', label: 'code-reviewer-a1', agent: 'code-reviewer', taskId: 'code-reviewer-a1', parentId: 'session' })
    expect(graph.nodes[3]).toMatchObject({ parentId: 'sub:att-e' })
    expect(links(graph)).toEqual(['session->sub:att-e:spawned', 'session->sub:att-r:spawned', 'sub:att-e->sub:att-n:spawned'])
  })

  it('orders an orchestrator run’s phases by first start, each after the one before, joined when both sides are many', () => {
    const run: ExecutionInput = {
      kind: 'orchestrator',
      source: 'notify',
      plan: null,
      tasks: [
        attempt('BE-2', { agent: 'backend', prompt: '{"phase":"Implementation"}', started_at: at(5000) }),
        attempt('FE-2', { agent: 'frontend', prompt: '{"phase":"Implementation"}', started_at: at(6000) }),
        attempt('PM-1', { agent: 'pm', prompt: '{"phase":"Planning"}', started_at: at(0) }),
        attempt('QA-3', { agent: 'qa', prompt: '{"phase":"Testing"}', started_at: at(9000) }),
        attempt('SEC-3', { agent: 'security', prompt: '{"phase":"Testing"}', started_at: at(9500) }),
      ],
    }
    const graph = executionGraph(run)
    expect(links(graph)).toEqual([
      'BE-2->join:phase:Implementation>Testing:phase',
      'FE-2->join:phase:Implementation>Testing:phase',
      'PM-1->BE-2:phase',
      'PM-1->FE-2:phase',
      'join:phase:Implementation>Testing->QA-3:phase',
      'join:phase:Implementation>Testing->SEC-3:phase',
    ])
    expect(graph.nodes.find((node) => node.id === 'QA-3')?.phase).toBe('Testing')
  })

  it('reads a workspace run’s phase from the prompt itself', () => {
    const run: ExecutionInput = {
      kind: 'orchestrator',
      source: 'workspace',
      plan: null,
      tasks: [attempt('a', { prompt: 'Design', started_at: at(0) }), attempt('b', { prompt: 'Build', started_at: at(10) })],
    }
    expect(links(executionGraph(run))).toEqual(['a->b:phase'])
  })
})

describe('phaseOfPrompt', () => {
  it('reads a phase from JSON or a short prompt, and nothing from instructions', () => {
    expect(phaseOfPrompt('{"phase": "Testing", "x": 1}')).toBe('Testing')
    expect(phaseOfPrompt('Implementation')).toBe('Implementation')
    expect(phaseOfPrompt('{"other": 1}')).toBeNull()
    expect(phaseOfPrompt('{not json')).toBeNull()
    expect(phaseOfPrompt('Write the API.\nThen test it.')).toBeNull()
    expect(phaseOfPrompt('')).toBeNull()
  })
})
