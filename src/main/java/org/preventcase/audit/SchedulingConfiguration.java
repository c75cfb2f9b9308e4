package org.preventcase.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Spring's scheduler, for the daily audit partition upkeep (the engine's job executor is separate). */
@Configuration
@EnableScheduling
class SchedulingConfiguration {}
