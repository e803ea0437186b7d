import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../shared/contract'
import { zhCN } from '../../shared/messages/zh-CN'
import { INVOKE_CHANNEL } from './invoke-channel'
import { createInvoke, UNKNOWN_CHANNEL } from './invoke'

function recorder() {
  const sent: Array<[string, unknown]> = []
  const send = async (channel: string, request: unknown) => { sent.push([channel, request]); return { ok: true, value: null } }
  return { sent, send }
}

describe('createInvoke', () => {
  it('passes every contract channel through', async () => {
    const { sent, send } = recorder()
    const invoke = createInvoke(CHANNELS, send)
    for (const channel of CHANNELS) await expect(invoke(channel, { a: 1 })).resolves.toEqual({ ok: true, value: null })
    expect(sent.map(([c]) => c)).toEqual(CHANNELS)
  })

  it('refuses anything else without sending', async () => {
    const { sent, send } = recorder()
    const invoke = createInvoke(CHANNELS, send)
    for (const channel of ['uniondesk:invoke', 'fs.readFile', '__proto__', 'constructor', 'toString', '', 42, null, undefined, { toString: () => 'app.info' }]) {
      await expect(invoke(channel, {})).resolves.toEqual(UNKNOWN_CHANNEL)
    }
    expect(sent).toEqual([])
  })

  it('refuses everything when built without a channel list', async () => {
    const { sent, send } = recorder()
    await expect(createInvoke([], send)('app.info', {})).resolves.toEqual(UNKNOWN_CHANNEL)
    expect(sent).toEqual([])
  })

  it('sends an empty request object when none is given', async () => {
    const { sent, send } = recorder()
    await createInvoke(CHANNELS, send)('app.info')
    expect(sent).toEqual([['app.info', {}]])
  })

  it('words its refusal like the shared catalogue and uses a prefixed IPC channel', () => {
    expect(UNKNOWN_CHANNEL.error.message).toBe(zhCN.errors.unknownChannel)
    expect(INVOKE_CHANNEL).toMatch(/^uniondesk:/)
  })
})
