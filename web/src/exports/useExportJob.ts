// Follows one export job until it is done or failed: the server's progress events when the
// browser can hold the stream, otherwise (or once the stream drops) asking every second. A job
// that is finished is not followed further.
import { useEffect, useState } from 'react';
import { exportEventsUrl, getExport, type ExportJob } from '../api';

const finished = (j: ExportJob | null) => j?.status === 'done' || j?.status === 'failed';

function parseJob(data: string): ExportJob | null {
  try {
    const j = JSON.parse(data) as ExportJob;
    return typeof j.id === 'string' && typeof j.status === 'string' ? j : null;
  } catch {
    return null;
  }
}

export function useExportJob(id: string | null): ExportJob | null {
  const [job, setJob] = useState<ExportJob | null>(null);
  useEffect(() => {
    setJob(null);
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | undefined;
    const take = (j: ExportJob) => {
      if (stopped) return;
      setJob(j);
      if (finished(j)) stop();
    };
    const poll = async () => {
      const r = await getExport(id);
      if (stopped) return;
      if (r.ok) take(r.data);
      if (!stopped) timer = setTimeout(() => void poll(), 1000);
    };
    function stop() {
      stopped = true;
      source?.close();
      clearTimeout(timer);
    }
    if (typeof EventSource === 'undefined') void poll();
    else {
      source = new EventSource(exportEventsUrl(id));
      source.addEventListener('progress', (m) => {
        const j = parseJob((m as MessageEvent<string>).data);
        if (j) take(j);
      });
      source.onerror = () => {
        // The stream ended or dropped before the job finished: ask instead.
        source?.close();
        if (!stopped) void poll();
      };
    }
    return stop;
  }, [id]);
  return job;
}
