export * from './awsErrors';
