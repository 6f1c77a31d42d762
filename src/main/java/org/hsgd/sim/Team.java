package org.hsgd.sim;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs one task in {@code size} parts, part i always on thread i (the
 * caller runs part 0). Threads are started once, so a step costs two barrier waits and no task
 * objects. What a part computes must not depend on which thread runs it.
 */
final class Team implements AutoCloseable {
  private final int size;
  private final CyclicBarrier start;
  private final CyclicBarrier done;
  private final Thread[] helpers;
  private volatile IntConsumer task;
  private volatile boolean closed;
  private volatile Throwable failure;

  Team(int size) {
    this.size = size;
    this.start = new CyclicBarrier(size);
    this.done = new CyclicBarrier(size);
    this.helpers = new Thread[size - 1];
    for (int i = 1; i < size; i++) {
      int part = i;
      helpers[i - 1] = new Thread(() -> loop(part), "hsgd-worker-" + i);
      helpers[i - 1].setDaemon(true);
      helpers[i - 1].start();
    }
  }

  int size() {
    return size;
  }

  /** Runs task(0..size-1) in parallel and returns when all parts are done. */
  void run(IntConsumer work) {
    if (size == 1) {
      work.accept(0);
      return;
    }
    task = work;
    await(start);
    try {
      work.accept(0);
    } finally {
      await(done);
    }
    Throwable t = failure;
    if (t != null) {
      failure = null;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("a worker thread failed", t);
    }
  }

  private void loop(int part) {
    while (true) {
      await(start);
      if (closed) {
        return;
      }
      try {
        task.accept(part);
      } catch (Throwable t) {
        failure = t;
      }
      await(done);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (BrokenBarrierException e) {
      throw new IllegalStateException("worker team broken", e);
    }
  }

  /** The range [from, to) of part i when {@code total} items are split evenly. */
  static int from(int part, int parts, int total) {
    return (int) ((long) total * part / parts);
  }

  @Override
  public void close() {
    if (size > 1) {
      closed = true;
      await(start);
    }
  }
}
