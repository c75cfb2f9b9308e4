package org.preventcase.engine;

import java.util.AbstractMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's bean map: only the delegate and listener beans the models name, looked up when an
 * expression is evaluated (so the engine can be built before they are).
 */
@Component
public class DelegateBeans extends AbstractMap<Object, Object> {

  private static final Set<Class<?>> DELEGATE_TYPES = Set.of(JavaDelegate.class, ExecutionListener.class,
      TaskListener.class);
  private final ApplicationContext context;

  public DelegateBeans(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return DELEGATE_TYPES.stream()
        .flatMap(type -> Stream.of(context.getBeanNamesForType(type, false, false)))
        .distinct()
        .collect(Collectors.toMap(name -> (Object) name, context::getBean))
        .entrySet();
  }

  @Override
  public boolean containsKey(Object name) {
    return name instanceof String bean && context.containsBean(bean)
        && DELEGATE_TYPES.stream().anyMatch(type -> context.isTypeMatch(bean, type));
  }

  @Override
  public Object get(Object name) {
    return containsKey(name) ? context.getBean((String) name) : null;
  }

  /** For tests and diagnostics: the bean names the engine can see. */
  public Set<String> names() {
    return entrySet().stream().map(entry -> (String) entry.getKey()).collect(Collectors.toSet());
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
