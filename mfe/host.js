// The host page listens to the element's events, as a portal would. The log is for developers:
// a person opening the demo sees only the component, unless the address says ?events.
const log = document.getElementById('events');
if (new URLSearchParams(location.search).has('events')) {
  log.closest('aside').hidden = false;
  log.closest('.layout').classList.add('with-events');
}
for (const type of ['xunting-saved', 'xunting-finalized', 'xunting-error']) {
  document.addEventListener(type, (e) => {
    const li = document.createElement('li');
    const d = e.detail || {};
    li.textContent = `${new Date().toLocaleTimeString('zh-CN')} ${type} ${d.id ?? d.record?.id ?? ''} ${d.message ?? ''}`;
    log.prepend(li);
    while (log.children.length > 50) log.lastChild.remove();
  });
}
