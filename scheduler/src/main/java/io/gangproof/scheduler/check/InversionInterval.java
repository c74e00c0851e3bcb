package io.gangproof.scheduler.check;

/** During {@code [from, to)} job {@code job} waited while some lower-priority job ran on a TPU eligible for it. */
public record InversionInterval(String job, long from, long to) {
}
