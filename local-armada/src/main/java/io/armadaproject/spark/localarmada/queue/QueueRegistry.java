package io.armadaproject.spark.localarmada.queue;

import io.armadaproject.spark.api.Queue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The queues local-armada knows. Changes are visible to every RPC at once (no cache delay). */
public final class QueueRegistry {

  private final Map<String, Queue> queues = new TreeMap<>();

  public synchronized void create(Queue queue, String owner) throws QueueException {
    validate(queue);
    if (queues.containsKey(queue.getName())) {
      throw new QueueException(QueueException.Kind.ALREADY_EXISTS, "queue \"" + queue.getName() + "\" already exists");
    }
    Queue stored = queue.getUserOwnersCount() == 0 ? queue.toBuilder().addUserOwners(owner).build() : queue;
    queues.put(queue.getName(), stored);
  }

  public synchronized void update(Queue queue) throws QueueException {
    validate(queue);
    if (!queues.containsKey(queue.getName())) {
      throw notFound(queue.getName());
    }
    queues.put(queue.getName(), queue);
  }

  public synchronized void delete(String name) throws QueueException {
    if (queues.remove(name) == null) {
      throw new QueueException(QueueException.Kind.INVALID, "could not find queue \"" + name + "\"");
    }
  }

  public synchronized Queue get(String name) throws QueueException {
    Queue queue = queues.get(name);
    if (queue == null) {
      throw notFound(name);
    }
    return queue;
  }

  public synchronized boolean exists(String name) {
    return queues.containsKey(name);
  }

  public synchronized boolean isCordoned(String name) {
    Queue queue = queues.get(name);
    return queue != null && queue.getCordoned();
  }

  public synchronized List<Queue> all() {
    return List.copyOf(queues.values());
  }

  private static void validate(Queue queue) throws QueueException {
    if (queue.getName().isEmpty()) {
      throw new QueueException(QueueException.Kind.INVALID, "error validating queue: name must not be empty");
    }
    if (queue.getPriorityFactor() < 1.0) {
      throw new QueueException(QueueException.Kind.INVALID, "error validating queue: priority factor "
          + queue.getPriorityFactor() + " must be at least 1.0");
    }
    for (Map.Entry<String, String> label : queue.getLabelsMap().entrySet()) {
      if (label.getKey().isEmpty() || label.getValue().isEmpty()) {
        throw new QueueException(QueueException.Kind.INVALID, "error validating queue: labels must have non-empty keys and values");
      }
    }
  }

  private static QueueException notFound(String name) {
    return new QueueException(QueueException.Kind.NOT_FOUND, "error: could not find queue \"" + name + "\"");
  }
}
