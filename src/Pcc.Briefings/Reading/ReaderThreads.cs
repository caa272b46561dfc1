namespace Pcc.Briefings.Reading;

/// <summary>
/// Long-lived threads with a large stack for the readers: starting a new 64 MB-stack thread for every document cost
/// about 1.5 ms, a third of reading a three-page PDF (bench/Pcc.Benchmarks, PdfLayoutBenchmarks). Hand-written because
/// .NET's thread pool cannot give its threads a chosen stack size.
/// </summary>
/// <remarks>
/// A thread takes one piece of work at a time. One whose work overran its caller's time limit is not handed more until
/// that work ends, so a document that hangs its parser holds one thread, never the next document; the next gets an
/// idle thread or a new one. A thread idle for <see cref="IdleLifetime"/> ends, so a quiet worker keeps none.
/// </remarks>
internal static class ReaderThreads
{
    /// <summary>How long a thread waits for more work before it ends.</summary>
    internal static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);

    private static readonly Lock s_lock = new();
    private static readonly List<ReaderThread> s_idle = [];

    /// <summary>Runs <paramref name="work"/> on an idle thread, or a new one of <paramref name="stackBytes"/>; does not wait for it.</summary>
    /// <param name="work">Must not throw: it reports its own outcome (an exception would end the process, as on any thread).</param>
    /// <param name="stackBytes">The stack size of a thread started for it.</param>
    public static void Run(Action work, int stackBytes)
    {
        ReaderThread? thread = null;
        lock (s_lock)
        {
            if (s_idle.Count > 0)
            {
                thread = s_idle[^1];
                s_idle.RemoveAt(s_idle.Count - 1);
            }
        }

        (thread ?? ReaderThread.Start(stackBytes)).Give(work);
    }

    private sealed class ReaderThread
    {
        private readonly SemaphoreSlim _given = new(0);
        private Action? _work;

        public static ReaderThread Start(int stackBytes)
        {
            var reader = new ReaderThread();
            new Thread(reader.Loop, stackBytes) { IsBackground = true, Name = "Document reader" }.Start();
            return reader;
        }

        public void Give(Action work)
        {
            _work = work;
            _given.Release();
        }

        private void Loop()
        {
            while (true)
            {
                if (!_given.Wait(IdleLifetime))
                {
                    lock (s_lock)
                    {
                        // Still idle: nobody can hand it work any more. Otherwise Run has just taken it and its work follows.
                        if (s_idle.Remove(this))
                        {
                            _given.Dispose();
                            return;
                        }
                    }

                    continue;
                }

                var work = _work!;
                _work = null;
                work();
                lock (s_lock)
                {
                    s_idle.Add(this);
                }
            }
        }
    }
}
