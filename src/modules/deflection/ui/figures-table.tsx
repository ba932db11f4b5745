import { formatDate } from '@/ui/date';
import { Table, type TableColumn } from '@/ui/table';
import { figureDefinitions, type FigureKey } from '../definitions';
import type { DeflectionFigures, DeflectionReport } from '../figures';
import { formatAmount, formatCount, formatPoints, formatRate, formatShare, UNKNOWN } from './format';

/** A column header naming a figure, linked to its definition below the table (and titled with it). */
function FigureHeader({ figure }: { figure: FigureKey }) {
  const { name, text } = figureDefinitions[figure];
  return (
    <a href={`#figure-${figure}`} title={text}>
      {name}
    </a>
  );
}

const figureColumns: FigureKey[] = [
  'launchedAt',
  'ticketsPerWeekBefore',
  'ticketsPerWeekAfter',
  'beforeAfterRate',
  'deflectionRate',
  'selfServiceCompletions',
  'pointOfContactDeflections',
  'autoAnswerDeflections',
  'hoursSaved',
  'moneySaved',
  'holdout',
  'treated',
  'repeatContacts',
  'abandoned',
];

const columns: TableColumn[] = [
  { key: 'category', header: 'Category', rowHeader: true },
  ...figureColumns.map((figure): TableColumn => ({ key: figure, header: <FigureHeader figure={figure} />, align: figure === 'launchedAt' ? 'left' : 'right' })),
];

function Side({ rate, tickets, weeks }: { rate: number | null; tickets: number; weeks: number }) {
  return (
    <>
      {formatRate(rate)}
      <br />
      <span className="muted small nowrap">
        {tickets} tickets, {formatCount(weeks)} wk
      </span>
    </>
  );
}

function Attempts({ share }: { share: DeflectionFigures['holdout'] }) {
  return (
    <>
      {share.attempts}
      <br />
      <span className="muted small nowrap">{formatShare(share.ticketRate)} ticket</span>
    </>
  );
}

const NOT_ENOUGH = <span className="muted small">Not enough data yet</span>;

function HoldoutRate({ rate, interval }: { rate: number | null; interval: [number, number] | null }) {
  if (rate === null) return NOT_ENOUGH;
  return (
    <>
      {formatPoints(rate)}
      {interval ? (
        <>
          <br />
          <span className="muted small nowrap">
            95 %: {formatPoints(interval[0])} to {formatPoints(interval[1])}
          </span>
        </>
      ) : null}
    </>
  );
}

function rowOf(f: DeflectionFigures) {
  return {
    key: f.category,
    category: (
      <>
        {f.category === 'total' ? <strong>{f.label}</strong> : f.label}
        {f.screen ? (
          <>
            <br />
            <span className="muted small mono">{f.screen}</span>
          </>
        ) : null}
      </>
    ),
    launchedAt: f.launchedAt ? <span className="nowrap">{formatDate(f.launchedAt)}</span> : UNKNOWN,
    ticketsPerWeekBefore: <Side rate={f.ticketsPerWeekBefore} tickets={f.ticketsBefore} weeks={f.weeksBefore} />,
    ticketsPerWeekAfter: <Side rate={f.ticketsPerWeekAfter} tickets={f.ticketsAfter} weeks={f.weeksAfter} />,
    beforeAfterRate: f.beforeAfterRate === null ? NOT_ENOUGH : formatShare(f.beforeAfterRate),
    deflectionRate: <HoldoutRate rate={f.deflectionRate} interval={f.deflectionRateInterval} />,
    selfServiceCompletions: f.selfServiceCompletions,
    pointOfContactDeflections: f.pointOfContactDeflections,
    autoAnswerDeflections: f.autoAnswerDeflections,
    hoursSaved: formatRate(f.hoursSaved),
    moneySaved: <span className="nowrap">{formatAmount(f.moneySaved, f.currency)}</span>,
    holdout: <Attempts share={f.holdout} />,
    treated: <Attempts share={f.treated} />,
    repeatContacts: f.repeatContacts,
    abandoned: f.abandoned,
  };
}

/** Every figure of every category, then the total; scrolls sideways inside its frame on a narrow screen. */
export function FiguresTable({ report }: { report: DeflectionReport }) {
  return <Table caption="Deflection per category" stack={false} columns={columns} rows={[...report.categories, report.total].map(rowOf)} />;
}
