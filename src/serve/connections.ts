// Connections as a public endpoint must hold them: at most `max` at once. When a new one arrives at the
// cap, the longest-idle connection (one with no request in progress) is closed to make room; only when
// none is idle is the newcomer refused. Slow clients are timed out by the server's header, request and
// keep-alive timeouts, and a connection that sends nothing is closed after `idleMs`.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

interface State {
  busy: number;
  since: number;
}

export class ConnectionGuard {
  private readonly sockets = new Map<Socket, State>();
  /** Connections closed at the cap to make room, and refused at it. */
  evicted = 0;
  refused = 0;

  constructor(server: Server, max: number, idleMs: number) {
    server.on('connection', (socket: Socket) => {
      if (this.sockets.size >= max && !this.evictIdle()) {
        this.refused++;
        socket.destroy();
        return;
      }
      this.sockets.set(socket, { busy: 0, since: Date.now() });
      socket.setTimeout(idleMs, () => {
        const s = this.sockets.get(socket);
        if (!s || s.busy === 0) socket.destroy();
      });
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      const s = this.sockets.get(req.socket);
      if (!s) return;
      s.busy++;
      res.on('close', () => {
        s.busy--;
        s.since = Date.now();
      });
    });
  }

  get open(): number {
    return this.sockets.size;
  }

  private evictIdle(): boolean {
    let oldest: Socket | undefined;
    let since = Number.POSITIVE_INFINITY;
    for (const [socket, s] of this.sockets) {
      if (s.busy === 0 && s.since < since) {
        oldest = socket;
        since = s.since;
      }
    }
    if (!oldest) return false;
    this.sockets.delete(oldest);
    oldest.destroy();
    this.evicted++;
    return true;
  }
}
