import { collectionCounts, listPlans, listTrusted, listUnits } from '../../utils/db';
import { useDb } from '../db-context';
import { useLive } from '../ui/live';
import { CA_HOLDER } from '../ui/strings';
import type { SupervisorTab } from './SupervisorApp';

interface Step {
  done: boolean;
  title: string;
  state: string;
  tab: SupervisorTab;
}

/**
 * The dashboard before any report is collected: what to do first, in order, each step with
 * what is already there (read live, so a step turns done as it is done here or in another tab)
 * and a button to the tab where it is done (when the page has that tab).
 */
export function FirstSteps({ year, onGo }: { year: number; onGo?(tab: SupervisorTab): void }) {
  const db = useDb();
  const facts = useLive(async () => {
    const [units, plans, trusted, collected] = await Promise.all([listUnits(db), listPlans(db), listTrusted(db), collectionCounts(db)]);
    return {
      units: units.filter((u) => u.active).length,
      plan: plans.find((p) => p.year === year) ?? null,
      cas: trusted.filter((t) => t.kind === 'ca').map((t) => t.cn),
      collected: collected.current,
    };
  }, [db, year]);
  if (!facts || facts.collected > 0) return null;
  const steps: Step[] = [
    {
      done: facts.units > 0,
      title: '核对单位名单',
      state: facts.units ? `名单中有 ${facts.units} 个在册单位（内置名单可直接使用，也可导入本地名单）` : '名单是空的：请导入单位名单',
      tab: 'roster',
    },
    {
      done: !!facts.plan,
      title: `制定 ${year} 年巡听计划`,
      state: facts.plan ? `已有 ${year} 年计划（${facts.plan.entries.length} 个单位）` : `还没有 ${year} 年计划：导入计划表，或在表中逐个安排月份`,
      tab: 'roster',
    },
    {
      done: facts.cas.length > 0,
      title: `建立或信任${CA_HOLDER}的 CA`,
      state: facts.cas.length
        ? `信任列表中有 CA：${facts.cas.join('、')}`
        : `在“证书颁发”中建立 CA，为巡听人员签发证书；或在“信任列表”中导入${CA_HOLDER}的 CA 证书`,
      tab: facts.cas.length ? 'trust' : 'ca',
    },
    {
      done: facts.collected > 0,
      title: '收集报告',
      state: facts.collected ? `已收集 ${facts.collected} 份报告` : '把收到的报告 PDF（或存放报告的文件夹）拖入“报告收集”，覆盖情况随即统计',
      tab: 'inbox',
    },
  ];
  return (
    <section class="card first-steps" aria-labelledby="h-first-steps">
      <h2 id="h-first-steps">开始使用：还没有收到报告</h2>
      <ol>
        {steps.map((s) => (
          <li key={s.title} class={s.done ? 'done' : ''}>
            <strong>
              {s.done ? '✓ ' : ''}
              {s.title}
            </strong>
            <span class="hint">{s.state}</span>
            {onGo && !s.done && (
              // Named after the step, not the tab: a button named like a tab would be confused with it.
              <button type="button" class="link" onClick={() => onGo(s.tab)}>
                去{s.title}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
