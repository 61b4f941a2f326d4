package dev.microscout.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write whose work outlasts a transaction (an upload streamed to disk before its job is queued): the audit
 * interceptor leaves it alone, and the service records the event with {@link AuditTrail#record} in the transaction
 * that makes the write visible, so that the event and the write still commit together.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditsItself {
}
