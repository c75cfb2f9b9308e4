package org.preventcase.whatif;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.preventcase.engine.VirtualClock;
import org.preventcase.intake.PartnerSubmissions;
import org.preventcase.panel.PanelMeetings;
import org.preventcase.panel.PanelProperties;
import org.preventcase.security.Actor;
import org.preventcase.security.Role;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays invented referrals through the real models and delegates on a virtual clock (docs/what-if.md): a
 * discrete-event run in which the application's one clock stands at each event in turn. The events are the
 * referrals' arrivals (through the partner API's own validation and intake), the completion of each task when
 * its policy says its completer is done ({@link TaskCompleter}), the engine's own timers and asynchronous
 * continuations (run when due, as the job executor would, with no one signed in), and each day's end, when the
 * panels' routine meetings are kept scheduled (as the daily panel scheduler does) and the queues are counted.
 * Only the run's authority's tasks and jobs are touched. It runs only in the {@value #PROFILE} profile, on the
 * embedded database that profile starts for itself.
 */
@Service
@Profile(WhatIfRun.PROFILE)
public class WhatIfRun {

  public static final String PROFILE = "what-if";
  static final String STAFF_PREFIX = "whatif-";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

  private final PartnerSubmissions submissions;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final PanelMeetings meetings;
  private final PanelProperties panel;
  private final TaskCompleter completer;
  private final WhatIfProperties properties;
  private final JdbcClient jdbc;
  private final TransactionTemplate together;

  WhatIfRun(PartnerSubmissions submissions, TaskService tasks,
      ManagementService management, RuntimeService runtime, IdentityService identity, PanelMeetings meetings,
      PanelProperties panel, TaskCompleter completer, WhatIfProperties properties, JdbcClient jdbc,
      PlatformTransactionManager transactions) {
    this.submissions = submissions;
    this.tasks = tasks;
    this.management = management;
    this.runtime = runtime;
    this.identity = identity;
    this.meetings = meetings;
    this.panel = panel;
    this.completer = completer;
    this.properties = properties;
    this.jdbc = jdbc;
    this.together = new TransactionTemplate(transactions);
  }

  /** What to replay: the referrals of one authority, from {@code start} until {@code end} on the virtual clock. */
  public record Plan(String authority, List<SyntheticReferral> referrals, Instant start, Instant end, long seed) {}

  /** Told after every referral's arrival and at every day's end. */
  public interface Progress {
    void at(Instant now, int referred, int of, int tasksCompleted);
  }

  /** The open tasks of one day's end, by task key, and how many of them were past their due date. */
  public record QueueSample(LocalDate day, Map<String, Integer> open, int overdue) {}

  public record Result(int referrals, int tasksCompleted, Map<String, Integer> completedByTask,
      Map<String, Duration> meanTaskWait, int jobsRun, int jobFailures, long incidents, List<QueueSample> queues,
      Map<String, Duration> timeSpent) {}

  private enum Kind { ARRIVAL, COMPLETION, DAY_END }

  private record Event(Instant at, long order, Kind kind, SyntheticReferral referral, String taskId) {}

  /** A task as the run's look-up finds it just created. */
  private record Created(String id, String key, String tenant, Instant at) {}

  /** A task discovered at its creation, with its policy and the run's member of the group it is offered to. */
  private record Open(String key, String tenant, Instant created, WhatIfProperties.TaskPolicy policy, Actor worker) {}

  public Result run(Plan plan, Progress progress) {
    return new Replay(plan, progress).run();
  }

  private final class Replay {
    final Plan plan;
    final Progress progress;
    final Random random;
    final String lead;
    final String[] tenants;
    final Map<String, Actor> staff;
    final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
        ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
    /** The tasks discovered and not yet completed: what their completion needs to know of them. */
    final Map<String, Open> known = new HashMap<>();
    final Map<String, Integer> completed = new TreeMap<>();
    final Map<String, Duration> waited = new HashMap<>();
    final List<QueueSample> queues = new ArrayList<>();
    /** Where the run's own time went, by part (wall-clock): what the benchmark and the summary report. */
    final Map<String, Long> spent = new LinkedHashMap<>();
    /** When the engine's next timer is due, as of its last settling; null if it has none. */
    Instant nextTimer;
    long order;
    int referred;
    int tasksCompleted;
    int jobsRun;
    int jobFailures;

    Replay(Plan plan, Progress progress) {
      this.plan = plan;
      this.progress = progress;
      this.random = new Random(plan.seed());
      this.lead = panel.panelOf(plan.authority());
      this.tenants = plan.authority().equals(lead) ? new String[] {lead} : new String[] {plan.authority(), lead};
      this.staff = provisionStaff(plan.authority());
    }

    Result run() {
      VirtualClock.set(plan.start());
      try {
        plan.referrals().forEach(referral -> add(referral.arrives(), Kind.ARRIVAL, referral, null));
        for (LocalDate day = LocalDate.ofInstant(plan.start(), LONDON); !day.atTime(END_OF_DAY).atZone(LONDON)
            .toInstant().isAfter(plan.end()); day = day.plusDays(1)) {
          add(day.atTime(END_OF_DAY).atZone(LONDON).toInstant(), Kind.DAY_END, null, null);
        }
        meetings.keepScheduled(Actor.system(lead), lead);
        settle();
        while (!events.isEmpty() && !events.peek().at().isAfter(plan.end())) {
          Event event = events.poll();
          timersUntil(event.at());
          move(event.at());
          handle(event);
          settle();
        }
        timersUntil(plan.end());
        long incidents = runtime.createIncidentQuery().tenantIdIn(tenants).count();
        Map<String, Duration> meanWait = new TreeMap<>();
        waited.forEach((key, total) -> meanWait.put(key, total.dividedBy(completed.get(key))));
        Map<String, Duration> timeSpent = new LinkedHashMap<>();
        spent.forEach((part, nanos) -> timeSpent.put(part, Duration.ofNanos(nanos)));
        return new Result(referred, tasksCompleted, completed, meanWait, jobsRun, jobFailures, incidents, queues,
            timeSpent);
      } finally {
        VirtualClock.reset();
      }
    }

    void timed(String part, Runnable work) {
      long began = System.nanoTime();
      try {
        work.run();
      } finally {
        spent.merge(part, System.nanoTime() - began, Long::sum);
      }
    }

    void add(Instant at, Kind kind, SyntheticReferral referral, String taskId) {
      events.add(new Event(at, order++, kind, referral, taskId));
    }

    void move(Instant at) {
      if (at.isAfter(VirtualClock.now())) {
        VirtualClock.set(at);
      }
    }

    void handle(Event event) {
      switch (event.kind()) {
        case ARRIVAL -> {
          timed("referral intake", () -> refer(event.referral()));
          referred++;
          progress.at(event.at(), referred, plan.referrals().size(), tasksCompleted);
        }
        case COMPLETION -> timed("task completion", () -> complete(event.taskId()));
        case DAY_END -> {
          timed("day's end", () -> {
            meetings.keepScheduled(Actor.system(lead), lead);
            queues.add(sample(LocalDate.ofInstant(event.at(), LONDON)));
          });
          progress.at(event.at(), referred, plan.referrals().size(), tasksCompleted);
        }
      }
    }

    /** The referral as the partner API takes it (the intake's start listener checks it against its start form). */
    void refer(SyntheticReferral referral) {
      Map<String, Object> body = SyntheticReferrals.body(referral, plan.authority(), random);
      submissions.submit(staff.get(Role.REFERRER.groupId()), "what-if-" + plan.seed() + "-" + referral.number(), body);
    }

    void complete(String taskId) {
      Open open = known.remove(taskId);
      String group = open.worker().groups().iterator().next();
      if (completer.complete(taskId, open.worker().userId(), group, open.tenant(),
          variables -> choose(open.policy(), variables).values(), LocalDate.ofInstant(VirtualClock.now(), LONDON))) {
        tasksCompleted++;
        completed.merge(open.key(), 1, Integer::sum);
        waited.merge(open.key(), Duration.between(open.created(), VirtualClock.now()), Duration::plus);
      } // else ended by its process meanwhile (a boundary event, a withdrawn request)
    }

    /** The member of the run's staff a task is offered to: of its first candidate group (or user) the run has. */
    Actor worker(String taskId, String taskKey) {
      return tasks.getIdentityLinksForTask(taskId).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .flatMap(link -> staff.values().stream().filter(member -> link.getGroupId() != null
              ? member.groups().contains(link.getGroupId()) : member.userId().equals(link.getUserId())))
          .findFirst().orElseThrow(() -> new IllegalStateException("Task " + taskKey
              + " is offered to no group or user the what-if run has staff for"));
    }

    WhatIfProperties.Choice choose(WhatIfProperties.TaskPolicy policy, Map<String, Object> variables) {
      List<WhatIfProperties.Choice> applying = policy.choices().stream().filter(choice -> choice.appliesTo(variables))
          .toList();
      if (applying.isEmpty()) {
        throw new IllegalStateException("No what-if choice applies to this task's variables");
      }
      int total = applying.stream().mapToInt(WhatIfProperties.Choice::weight).sum();
      int draw = random.nextInt(Math.max(total, 1));
      for (WhatIfProperties.Choice choice : applying) {
        draw -= choice.weight();
        if (draw < 0) {
          return choice;
        }
      }
      return applying.get(0);
    }

    /** Runs the engine's timers due by {@code until}, each at its own time, and what follows them. */
    void timersUntil(Instant until) {
      while (nextTimer != null && !nextTimer.isAfter(until)) {
        move(nextTimer);
        settle();
      }
    }

    /**
     * Every job due now, as the job executor would run them (no one signed in), each in its own transaction;
     * then the new tasks and the next timer's due time. The look-ups between the engine's moves only read, and
     * share one transaction.
     */
    void settle() {
      for (int round = 0; round < 100; round++) {
        List<String> due = new ArrayList<>();
        together.executeWithoutResult(transaction -> {
          timed("job look-up", () -> due.addAll(jobsDue()));
          if (due.isEmpty()) {
            timed("task discovery", this::discover);
            timed("timer look-up", () -> nextTimer = nextTimerDue());
          }
        });
        if (due.isEmpty()) {
          return;
        }
        timed("jobs", () -> due.forEach(this::execute));
      }
      throw new IllegalStateException("The what-if run's jobs keep creating jobs: more than 100 rounds at "
          + VirtualClock.now());
    }

    void execute(String jobId) {
      try {
        management.executeJob(jobId);
      } catch (RuntimeException failed) {
        jobFailures++; // the engine keeps the failure on the job: retries, then an incident
      }
      jobsRun++;
    }

    /*
     * The run's own look-ups of the engine's state, in SQL as the job executor's acquisition and the queue
     * samples are: the engine's query API builds each statement anew from its whole dynamic mapping, which cost
     * more than the statement itself. The same rows in the same order (by id) as the engine's queries give.
     */

    /** The jobs the job executor would run now: retries left, due (or not timed), not suspended. */
    List<String> jobsDue() {
      return jdbc.sql("""
              SELECT j.id_ FROM act_ru_job j LEFT JOIN act_ru_execution pi ON pi.id_ = j.process_instance_id_
              WHERE j.tenant_id_ = ANY (?) AND j.retries_ > 0 AND (j.duedate_ IS NULL OR j.duedate_ <= ?)
                AND j.suspension_state_ = 1
                AND (j.execution_id_ IS NULL OR pi.suspension_state_ IS NULL OR pi.suspension_state_ = 1)
              ORDER BY j.id_""")
          .params(tenants, Timestamp.from(VirtualClock.now())).query(String.class).list();
    }

    /** When the next active timer with retries left is due; null if none. */
    Instant nextTimerDue() {
      Timestamp due = jdbc.sql("""
              SELECT min(duedate_) FROM act_ru_job
              WHERE tenant_id_ = ANY (?) AND type_ = 'timer' AND retries_ > 0 AND suspension_state_ = 1""")
          .param(tenants).query(Timestamp.class).single();
      return due == null ? null : due.toInstant();
    }

    /** Tasks created now get their completion, when their policy says their completer is done. */
    void discover() {
      List<Created> created = jdbc.sql("""
              SELECT id_, task_def_key_, tenant_id_, create_time_ FROM act_ru_task
              WHERE tenant_id_ = ANY (?) AND create_time_ > ? ORDER BY id_""")
          .params(tenants, Timestamp.from(VirtualClock.now().minusMillis(1)))
          .query((rs, row) -> new Created(rs.getString("id_"), rs.getString("task_def_key_"), rs.getString("tenant_id_"),
              rs.getTimestamp("create_time_").toInstant())).list();
      for (Created task : created) {
        if (known.containsKey(task.id())) {
          continue;
        }
        WhatIfProperties.TaskPolicy policy = properties.tasks().get(task.key());
        if (policy == null) {
          throw new IllegalStateException("No what-if completion policy for task " + task.key()
              + " (prevent.what-if.tasks in application-what-if.yaml)");
        }
        long spread = policy.takesAtMost().minus(policy.takesAtLeast()).toSeconds();
        Duration takes = policy.takesAtLeast().plusSeconds(spread == 0 ? 0 : Math.floorMod(random.nextLong(), spread + 1));
        known.put(task.id(), new Open(task.key(), task.tenant(), task.at(), policy, worker(task.id(), task.key())));
        add(task.at().plus(takes), Kind.COMPLETION, null, task.id());
      }
    }

    QueueSample sample(LocalDate day) {
      Map<String, Integer> open = new LinkedHashMap<>();
      jdbc.sql("""
              SELECT task_def_key_ AS task, count(*) AS open FROM act_ru_task WHERE tenant_id_ = ANY (?)
              GROUP BY task_def_key_ ORDER BY task_def_key_""")
          .param(tenants).query((rs, row) -> open.put(rs.getString("task"), rs.getInt("open"))).list();
      Integer overdue = jdbc.sql("SELECT count(*) FROM act_ru_task WHERE tenant_id_ = ANY (?) AND due_date_ < ?")
          .params(tenants, Date.from(VirtualClock.now())).query(Integer.class).single();
      return new QueueSample(day, open, overdue);
    }
  }

  /**
   * One invented person of each Tasklist role and of the Prevent managers (who review closures) for the authority ({@value #STAFF_PREFIX} and the group's id),
   * who works the tasks offered to that group; created when missing, with a password no one is told.
   */
  private Map<String, Actor> provisionStaff(String authority) {
    if (identity.createTenantQuery().tenantId(authority).count() == 0) {
      var tenant = identity.newTenant(authority);
      tenant.setName(authority);
      identity.saveTenant(tenant);
    }
    Map<String, Actor> staff = new LinkedHashMap<>();
    List<Role> roles = new ArrayList<>(Role.working(Role.Workspace.TASKLIST));
    roles.add(Role.PREVENT_MANAGER);
    for (Role role : roles) {
      String userId = STAFF_PREFIX + role.groupId();
      if (identity.createUserQuery().userId(userId).count() == 0) {
        var user = identity.newUser(userId);
        user.setFirstName("What-if");
        user.setLastName(role.displayName());
        user.setEmail(userId + "@what-if.invalid");
        user.setPassword("Wi-" + UUID.randomUUID() + "-Aa1!");
        identity.saveUser(user);
        identity.createMembership(userId, role.groupId());
      }
      if (identity.createTenantQuery().userMember(userId).tenantId(authority).count() == 0) {
        identity.createTenantUserMembership(authority, userId);
      }
      staff.put(role.groupId(), new Actor(userId, Set.of(role.groupId()), Set.of(authority)));
    }
    return staff;
  }
}
