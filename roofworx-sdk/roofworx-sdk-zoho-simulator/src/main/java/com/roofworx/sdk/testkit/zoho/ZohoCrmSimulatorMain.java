package com.roofworx.sdk.testkit.zoho;

import com.roofworx.sdk.spi.Clock;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link ZohoCrmSimulator} seeded with {@link DemoData} until the process is stopped, and prints
 * what a client needs to connect. Argument: an optional port (default: a free one).
 */
public final class ZohoCrmSimulatorMain {
    private ZohoCrmSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        ZohoCrmSimulator simulator = ZohoCrmSimulator.start(Clock.system(), port);
        List<String> workers = DemoData.seed(simulator);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("Zoho CRM simulator listening");
        System.out.println("  base URL:      " + simulator.baseUrl());
        System.out.println("  client id:     " + ZohoCrmSimulator.CLIENT_ID);
        System.out.println("  client secret: " + ZohoCrmSimulator.CLIENT_SECRET);
        System.out.println("  refresh token: " + ZohoCrmSimulator.REFRESH_TOKEN);
        System.out.println("  active stage:  " + DemoData.ACTIVE_STAGE);
        System.out.println("  workers:       " + String.join(", ", workers));
        System.out.flush();
        stopped.await();
    }
}
