package dev.microscout.security;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a REST resource: its writes (POST, PUT, PATCH, DELETE that are not {@link ReadOnly}) run in one transaction
 * that also records the audit event, so a change and its record commit or fail together (see {@link AuditInterceptor}).
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {
}
