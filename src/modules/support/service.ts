export * from './tickets/service';
