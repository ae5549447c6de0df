package io.armadaproject.spark.localarmada.pods;

/** The shared machinery every pod runs with. */
record PodEnvironment(ContainerPlanner planner, LoopbackAddressPool addresses, HostsFile hosts,
    ProcessLauncher launcher) {}
