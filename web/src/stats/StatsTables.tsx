// The numbers of a statistics answer as tables: one-way (a value per row, the total last) and
// two-way (rows by columns, with each row's and column's total and the grand total). A hidden
// cell reads "<k" with the words "hidden (under k)" for screen readers.
import { useTranslation } from 'react-i18next';
import type { StatsRow } from '../api';
import type { OneWay, TwoWay } from './tables';
import { cellText } from './tables';

function Cell({
  row,
  k,
  num,
}: {
  row: StatsRow | undefined;
  k?: number;
  num: (n: number) => string;
}) {
  const { t } = useTranslation();
  const hidden = row?.suppressed ?? false;
  return (
    <td className={hidden ? 'num stats-hidden' : 'num'}>
      {hidden ? (
        <>
          <span aria-hidden="true">{cellText(row, k, num)}</span>
          <span className="visually-hidden">{t('stats.hidden', { k: k ?? 5 })}</span>
        </>
      ) : (
        cellText(row, k, num)
      )}
    </td>
  );
}

export function OneWayTable({
  caption,
  table,
  label,
  k,
  num,
}: {
  caption: string;
  table: OneWay;
  label: (key: string) => string;
  k?: number;
  num: (n: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="stats-table stats-table-narrow">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.column')}</th>
            <th scope="col" className="num">
              {t('stats.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.cells.map((r) => (
            <tr key={r.key}>
              <th scope="row">{label(r.key)}</th>
              <Cell row={r} k={k} num={num} />
            </tr>
          ))}
        </tbody>
        {table.total && (
          <tfoot>
            <tr>
              <th scope="row">{t('stats.total')}</th>
              <Cell row={table.total} k={k} num={num} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

export function TwoWayTable({
  caption,
  table,
  rowLabel,
  colLabel,
  k,
  num,
}: {
  caption: string;
  table: TwoWay;
  rowLabel: (key: string) => string;
  colLabel: (key: string) => string;
  k?: number;
  num: (n: number) => string;
}) {
  const { t } = useTranslation();
  const hasColTotals = table.colKeys.some((c) => table.cell(null, c));
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {table.colKeys.map((c) => (
              <th key={c} scope="col" className="num">
                {colLabel(c)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('stats.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rowKeys.map((r) => (
            <tr key={r}>
              <th scope="row">{rowLabel(r)}</th>
              {table.colKeys.map((c) => (
                <Cell key={c} row={table.cell(r, c)} k={k} num={num} />
              ))}
              <Cell row={table.cell(r, null)} k={k} num={num} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('stats.total')}</th>
            {table.colKeys.map((c) =>
              hasColTotals ? (
                <Cell key={c} row={table.cell(null, c)} k={k} num={num} />
              ) : (
                <td key={c} />
              ),
            )}
            <Cell row={table.cell(null, null)} k={k} num={num} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
