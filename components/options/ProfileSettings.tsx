import { useEffect, useState } from 'preact/hooks';
import { OBSERVER_NAMES_KEY, getSetting, setSetting } from '../../utils/db';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';

/** The observer's name and usual colleagues, pre-filled as the observer group of new records. */
export function ProfileSettings() {
  const db = useDb();
  const stored = useLive(() => getSetting<string[]>(db, OBSERVER_NAMES_KEY), [db]);
  const [text, setText] = useState('');
  const [saved, setSaved] = useState('');
  // Shows what is stored, also after a restore or a change in another tab.
  useEffect(() => setText((stored ?? []).join('、')), [stored]);
  const save = async () => {
    const names = text
      .split(/[、,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20);
    await setSetting(db, OBSERVER_NAMES_KEY, names);
    setSaved(names.length ? `已保存：${names.join('、')}（第一位为组长）` : '已清空');
  };
  return (
    <section class="card" aria-labelledby="h-profile">
      <h2 id="h-profile">巡听人员</h2>
      <div class="field">
        <label for="observer-names">新记录默认的巡听人员（用顿号分隔，第一位为组长）</label>
        <input id="observer-names" value={text} maxLength={400} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <button type="button" onClick={() => void save()}>
        保存
      </button>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
