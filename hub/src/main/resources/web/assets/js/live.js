// A WebSocket that reconnects with backoff: the staff live socket (/api/v1/live) and the citizens' chat sockets.

/** Opens `url` (a path), calls onMessage with each parsed JSON message; returns { send, close }. */
export function socket(url, onMessage, { onState = () => {} } = {}) {
  let ws;
  let closed = false;
  let delay = 500;
  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = new WebSocket(`${scheme}//${location.host}${url}`);
    ws.addEventListener('open', () => { delay = 500; onState('open'); });
    ws.addEventListener('message', (e) => {
      try { onMessage(JSON.parse(e.data)); } catch { /* not JSON: ignored */ }
    });
    ws.addEventListener('close', () => {
      onState('closed');
      if (!closed) setTimeout(open, delay = Math.min(delay * 2, 15000));
    });
  };
  open();
  return {
    send: (data) => ws && ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(data)),
    close: () => { closed = true; ws && ws.close(); },
  };
}

/** The staff live socket for the signed-in user. */
export function live(token, onEvent, options) {
  return socket(`/api/v1/live?token=${encodeURIComponent(token)}`, onEvent, options);
}
