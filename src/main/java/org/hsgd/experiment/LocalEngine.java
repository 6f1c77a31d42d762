package org.hsgd.experiment;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The default engine: a pool of threads on this machine, each running one replicate at a time with
 * a one-thread simulation (many small runs keep the cores busier this way than one run with a team
 * of threads).
 *
 * @param threads the pool's size
 * @param data where the datasets are, read once for every replicate
 */
public record LocalEngine(int threads, DataSources data) implements Engine {
  @Override
  public java.util.Map<String, Object> describe() {
    return java.util.Map.of("engine", "local", "threads", threads);
  }

  @Override
  public void run(List<Replicate> replicates, Progress progress, Consumer<Outcome> finished) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread t = new Thread(task, "hsgd-replicate");
              t.setDaemon(true);
              return t;
            });
    try {
      ExecutorCompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
      for (Replicate r : replicates) {
        done.submit(() -> Outcome.of(r, 1, data));
      }
      for (int i = 0; i < replicates.size(); i++) {
        Outcome outcome = done.take().get();
        progress.runStarted(i, replicates.size(), outcome.replicate().label(), 1);
        progress.advanced(1);
        finished.accept(outcome);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
