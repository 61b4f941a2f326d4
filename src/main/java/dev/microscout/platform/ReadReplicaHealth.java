package dev.microscout.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says where reads that may lag go, and why. Always UP: a replica that lags or is down costs the primary some reads,
 * it does not make this instance unable to serve.
 */
@Readiness
@ApplicationScoped
public class ReadReplicaHealth implements HealthCheck {

    @Inject
    ReadReplica replica;

    @Override
    public HealthCheckResponse call() {
        ReadReplica.State state = replica.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Read replica").up()
                .withData("state", state.name())
                .withData("reads", state == ReadReplica.State.IN_USE ? "replica" : "primary")
                .withData("detail", state.description);
        if (state != ReadReplica.State.NOT_CONFIGURED) {
            response.withData("lagMillis", replica.lagMillis()).withData("maxLagMillis", replica.maxLag().toMillis());
            if (replica.problem() != null) {
                response.withData("problem", replica.problem());
            }
        }
        return response.build();
    }
}
